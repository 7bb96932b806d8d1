import type { FlowBuilder } from './builder';

/**
 * The flows under construction, indexed by the keys correlation looks them up by (state, code,
 * code_challenge) and by "still waiting for a callback", so joining N events to F flows costs
 * about N + F instead of N × F (issue 12: 5k logins took 51 s, 2.5k took 10 s). Every lookup
 * answers in the order the flows were opened, as the scans it replaces did.
 */
export class BuilderIndex {
  readonly all: FlowBuilder[] = [];
  private readonly position = new Map<FlowBuilder, number>();
  private readonly byState = new Map<string, FlowBuilder[]>();
  private readonly byChallenge = new Map<string, FlowBuilder[]>();
  private readonly byCode = new Map<string, FlowBuilder[]>();
  /** Flows with an authorization request and no callback yet, not yet out of the window. */
  private awaiting: FlowBuilder[] = [];

  push(b: FlowBuilder): void {
    this.position.set(b, this.all.length);
    this.all.push(b);
    const a = b.flow.authorize;
    if (!a) return;
    if (a.state !== null) add(this.byState, a.state, b);
    if (a.codeChallenge !== null) add(this.byChallenge, a.codeChallenge, b);
    this.awaiting.push(b);
  }

  withState(state: string): readonly FlowBuilder[] {
    return this.byState.get(state) ?? [];
  }

  withChallenge(challenge: string): readonly FlowBuilder[] {
    return this.byChallenge.get(challenge) ?? [];
  }

  /** Flows whose callback carried `code`, in the order they were opened. */
  withCode(code: string): readonly FlowBuilder[] {
    return this.byCode.get(code) ?? [];
  }

  /** `list` sorted in the order its flows were opened (for lookups merged from two keys). */
  inOpeningOrder(list: readonly FlowBuilder[]): FlowBuilder[] {
    return [...new Set(list)].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }

  /** Call when `b` got its callback. */
  callbackSet(b: FlowBuilder): void {
    const code = b.flow.callback?.code;
    if (!code) return;
    const list = this.byCode.get(code);
    if (!list) {
      this.byCode.set(code, [b]);
      return;
    }
    // Keep opening order (a later-opened flow may get its callback first).
    const at = this.position.get(b)!;
    let i = list.length;
    while (i > 0 && this.position.get(list[i - 1]!)! > at) i--;
    list.splice(i, 0, b);
  }

  /**
   * Flows with an authorization request still waiting for a callback, opened at most `window`
   * before `time`. Requests come in time order, so a flow that fell out of the window, or got its
   * callback, is dropped for good.
   */
  awaitingCallback(time: number, window: number): readonly FlowBuilder[] {
    this.awaiting = this.awaiting.filter((b) => b.flow.callback === null && time - b.flow.startTime <= window);
    return this.awaiting;
  }
}

function add(map: Map<string, FlowBuilder[]>, key: string, b: FlowBuilder): void {
  const list = map.get(key);
  if (list) list.push(b);
  else map.set(key, [b]);
}
