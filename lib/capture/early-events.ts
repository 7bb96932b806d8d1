import type { ErrorDetails, RedirectDetails, ResponseDetails, SendHeadersDetails } from './details';

/**
 * Events of one HTTP hop that arrived before the hop itself (its onBeforeRequest).
 *
 * A freshly started MV3 worker can receive the events queued while it was stopped out of order.
 * Seen on Chromium 156 (issue 17 point 6, capture.test.ts scenario 15): a new instance received
 * the callback's onHeadersReceived and onCompleted first, then the onBeforeRequest of the POST
 * that started the redirect chain, then every hop of the chain. Applied in arrival order, the
 * callback's status was lost (nothing to apply it to yet) or landed on another hop.
 *
 * Such events wait here, keyed by request and hop URL, and are replayed in time order when the
 * hop they belong to arrives. Bounded: only requests this instance has not seen begin wait, at
 * most `MAX_WAITING` events in all (the oldest go first), for at most `MAX_AGE_MS`.
 */
export type EarlyEvent =
  | { kind: 'send-headers'; details: SendHeadersDetails }
  | { kind: 'headers'; details: ResponseDetails }
  | { kind: 'redirect'; details: RedirectDetails }
  | { kind: 'completed'; details: ResponseDetails }
  | { kind: 'error'; details: ErrorDetails };

export const MAX_WAITING = 256;
export const MAX_AGE_MS = 60_000;

export class EarlyEvents {
  private readonly byRequest = new Map<string, EarlyEvent[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  hold(event: EarlyEvent): void {
    const list = this.byRequest.get(event.details.requestId);
    if (list) list.push(event);
    else this.byRequest.set(event.details.requestId, [event]);
    this.count += 1;
    this.expire(event.details.timeStamp);
  }

  /** The waiting events of this hop (request id and URL), oldest first; they stop waiting. */
  take(requestId: string, url: string): EarlyEvent[] {
    const list = this.byRequest.get(requestId);
    if (!list) return [];
    const mine = list.filter((e) => e.details.url === url);
    if (mine.length === 0) return [];
    const rest = list.filter((e) => e.details.url !== url);
    if (rest.length) this.byRequest.set(requestId, rest);
    else this.byRequest.delete(requestId);
    this.count -= mine.length;
    return mine.sort((a, b) => a.details.timeStamp - b.details.timeStamp);
  }

  /** Requests whose waiting events are all older than `before` (event time): their start is not coming. */
  requestsBefore(before: number): string[] {
    return [...this.byRequest].filter(([, list]) => list.every((e) => e.details.timeStamp < before)).map(([requestId]) => requestId);
  }

  /**
   * The first waiting event of each hop of a request, in time order: a hop is a run of events to
   * one URL that ends with its redirect, completion or error.
   */
  hopStarts(requestId: string): EarlyEvent['details'][] {
    const list = [...(this.byRequest.get(requestId) ?? [])].sort((a, b) => a.details.timeStamp - b.details.timeStamp);
    const starts: EarlyEvent['details'][] = [];
    let previous: EarlyEvent | undefined;
    for (const e of list) {
      const ended = previous && (previous.kind === 'redirect' || previous.kind === 'completed' || previous.kind === 'error');
      if (!previous || ended || previous.details.url !== e.details.url) starts.push(e.details);
      previous = e;
    }
    return starts;
  }

  /** Forget a request's waiting events (it turned out not to be kept). */
  drop(requestId: string): void {
    const list = this.byRequest.get(requestId);
    if (!list) return;
    this.count -= list.length;
    this.byRequest.delete(requestId);
  }

  private expire(now: number): void {
    // Map order is insertion order: the first requests are the oldest.
    for (const [requestId, list] of this.byRequest) {
      const stale = list.every((e) => now - e.details.timeStamp > MAX_AGE_MS);
      if (this.count <= MAX_WAITING && !stale) break;
      this.count -= list.length;
      this.byRequest.delete(requestId);
    }
  }
}
