import type { CapturedEvent, RequestEvent } from '../model/event';
import { hopId, newRequestEvent } from './build-event';
import type { BeforeRequestDetails, SendHeadersDetails } from './details';
import { FLOW_SHAPES, isFlowOrigin, noteFlowOrigins, originsOf } from './flow-origins';
import { hasTokenCredential, selectHeaders } from './headers';
import { HopEvents, type FoundHop, type ProvisionalChain } from './hop-events';
import { DEFAULT_LIMITS, type CaptureLimits } from './limits';
import { findHop, keptRebuilt, lostStart } from './orphans';
import { isIgnoredType, shapeOfRequest, type Shape } from './prefilter';
import { reopenInFlight } from './reopen';
import type { TabRecord } from './tab-record';
import { boundBody, capMap, type BodyCondition, type BodyInput, type HeldBody } from './recorder-bodies';
import { TabStore } from './tab-store';

/**
 * Turns webRequest events into stored RequestEvents (pure, synchronous; no analysis). The
 * background calls one method per listener and persists what the TabStore reports as changed.
 * Here: a hop's start (onBeforeRequest), which requests are kept, bodies and restarts. The events
 * after a hop's start are matched to their hop in hop-events.ts; navigation events are in
 * capture.ts. All three share this state.
 */
export class Recorder extends HopEvents {
  readonly store: TabStore;
  /** Bodies waiting for their hop's status (by requestId): see `attachResponseBody`. */
  private readonly held = new Map<string, HeldBody>();
  /** Top-level document origin per tab: the relying party when a flow starts there. */
  protected readonly topOrigin = new Map<number, string>();

  constructor(readonly limits: CaptureLimits = DEFAULT_LIMITS) {
    super();
    this.store = new TabStore(limits);
  }

  protected accepts(tabId: number): boolean {
    return tabId >= 0 && this.store.peek(tabId)?.paused !== true;
  }

  protected openerOf(tabId: number): number | undefined {
    return this.store.peek(tabId)?.openerTabId;
  }

  beforeRequest(d: BeforeRequestDetails): Shape | 'origin' | null {
    this.seen.set(d.requestId, true);
    capMap(this.seen);
    const shape = this.begin(d);
    if (this.early.size) this.replayEarly(d);
    return shape;
  }

  /**
   * Requests whose later events (request headers, answer, redirect…) arrived but whose start
   * never did, and will not: all their waiting events are older than `before` (event time;
   * Infinity: every waiting request). Seen on Chromium 156 around a worker stop (issue 17 point
   * 6): the onBeforeRequest events queued for an instance stopped while it started were never run
   * by any instance, while the next instance got every later event of the same hops. Each hop is
   * rebuilt from its first later event (URL, method, type, tab and frame are all there), marked
   * `startLost`, and goes through the same keep decision and matching as a live start; what was
   * waiting for it is applied to it. Returns how many rebuilt hops were kept.
   */
  rebuildOrphans(before: number): number {
    const rebuilt = new Set<string>();
    for (const requestId of this.early.requestsBefore(before)) {
      for (const first of this.early.hopStarts(requestId)) {
        const d = lostStart(requestId, first);
        if (this.rebuildStart(d)) rebuilt.add(`${d.tabId} ${requestId}`);
      }
      this.early.drop(requestId);
    }
    return keptRebuilt(this.store, rebuilt);
  }

  /** Events waiting for a start that has not arrived (early-events.ts). */
  get waiting(): number {
    return this.early.size;
  }

  /** A start rebuilt from later events: begun like a live one, then marked. */
  private rebuildStart(d: BeforeRequestDetails): boolean {
    if (this.hopOf(d.tabId, d.requestId, d.url)) return false;
    this.seen.set(d.requestId, true);
    if (this.begin(d) === null && !this.provisional.has(d.requestId)) return false;
    const found = this.hopOf(d.tabId, d.requestId, d.url);
    if (!found) return false;
    found.event.startLost = true;
    if (found.committed) this.store.touch(d.tabId, found.event);
    this.replayEarly(d);
    return true;
  }

  /** The latest hop of this request with this URL, stored or in a provisional chain. */
  private hopOf(tabId: number, requestId: string, url: string): FoundHop | null {
    return findHop({ store: this.store, open: this.open, provisional: this.provisional }, tabId, requestId, url);
  }

  /**
   * Firefox `filterResponseData`: the response body of a kept hop (the last one of its request),
   * bounded. With `onlyIf`, a hop that does not pass keeps no body (e.g. a page that is not an
   * error page). The stream filter and webRequest reach the background on separate channels, so
   * a short body can arrive before its hop's status (seen with Firefox ESR 153): such a body is
   * held and judged when the response headers, completion or error land. Returns whether the
   * body was attached or held.
   */
  attachResponseBody(tabId: number, requestId: string, body: BodyInput, onlyIf?: BodyCondition): boolean {
    const events = this.store.peek(tabId)?.events ?? [];
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.kind === 'request' && event.requestId === requestId) {
        if (onlyIf && event.status === undefined && event.endTime === undefined && event.error === undefined) {
          this.held.set(requestId, { tabId, body, onlyIf });
          capMap(this.held);
          return true;
        }
        const kept = onlyIf ? onlyIf(event) : true;
        if (kept === false) return false;
        this.setResponseBody(tabId, event, kept === true ? body : kept);
        return true;
      }
    }
    return false;
  }

  /**
   * Restore persisted tabs (worker start). Hops that were in flight when the previous worker
   * stopped are reopened, so their late events (headers, completion) still land.
   */
  restore(records: readonly TabRecord[], now: number): void {
    for (const record of records) {
      this.store.load(record);
      reopenInFlight(record, this.open, now);
    }
  }

  /** Merge events another worker instance stored (tab-record.ts `eventsToAdopt`), field by field. */
  adopt(tabId: number, events: readonly CapturedEvent[]): void {
    this.store.merge(tabId, events);
    for (const e of events) {
      const landed = this.store.get(tabId, e.id);
      if (landed?.kind === 'request') this.landed(landed);
    }
  }

  /** A request hop entered the store (a subclass may have something waiting for it). */
  protected landed(_event: RequestEvent): void {}

  protected setResponseBody(tabId: number, event: RequestEvent, body: BodyInput): void {
    event.responseBody = boundBody(body);
    this.store.touch(tabId, event);
  }

  private begin(d: BeforeRequestDetails): Shape | 'origin' | null {
    if (!this.accepts(d.tabId) || this.delivered(d)) return null;
    const open = this.open.get(d.requestId);
    if (open) {
      // The next hop of a kept redirect chain is kept whatever it looks like (the callback hop).
      const event = newRequestEvent(d, open.hops++, this.openerOf(d.tabId));
      this.keep(open.tabId, event);
      open.current = event.id;
      const shape = shapeOfRequest(d.url, d.method, d.requestBody);
      if (shape) this.noteFlow(open.tabId, event, shape);
      return shape ?? 'origin';
    }
    const chain = this.provisional.get(d.requestId);
    if (!chain && isIgnoredType(d.type)) return null;
    const shape = shapeOfRequest(d.url, d.method, d.requestBody);
    if (chain) {
      chain.hops.push(newRequestEvent(d, chain.hops.length, this.openerOf(d.tabId)));
      if (shape) this.commitChain(d.requestId, chain, shape);
      return shape;
    }
    const byOrigin = !shape && isFlowOrigin(this.store.peek(d.tabId), d.url, d.type, d.timeStamp, this.limits);
    if (shape || byOrigin) {
      const event = newRequestEvent(d, 0, this.openerOf(d.tabId));
      this.keep(d.tabId, event);
      this.open.set(d.requestId, { tabId: d.tabId, hops: 1, current: event.id });
      capMap(this.open);
      if (shape) this.noteFlow(d.tabId, event, shape);
      return shape ?? 'origin';
    }
    if (d.type === 'main_frame' || d.type === 'sub_frame') {
      this.provisional.set(d.requestId, { tabId: d.tabId, hops: [newRequestEvent(d, 0, this.openerOf(d.tabId))] });
      capMap(this.provisional);
    }
    return null;
  }

  /**
   * This hop's start was applied already: the same onBeforeRequest delivered twice. Chromium 156
   * hands a new worker instance events the stopped one had run, and the inbox replays those too
   * (browser-event.ts; e2e "twenty worker stops"): a second copy would be a second hop.
   */
  private delivered(d: BeforeRequestDetails): boolean {
    // A hop rebuilt from its later events (`rebuildOrphans`) whose start comes after all: the same hop.
    const rebuilt = (e: CapturedEvent | undefined) => e?.kind === 'request' && e.startLost === true && e.url === d.url && e.startTime >= d.timeStamp;
    const same = (e: CapturedEvent | undefined) => (e?.kind === 'request' && e.url === d.url && e.startTime === d.timeStamp) || rebuilt(e);
    if (this.provisional.get(d.requestId)?.hops.some(same)) return true;
    for (let hop = 0; ; hop++) {
      const event = this.store.get(d.tabId, hopId(d.requestId, hop));
      if (!event) return false;
      if (same(event)) return true;
    }
  }

  /** Bearer/DPoP calls are only recognisable by their headers (RFC 6750 §2.1, RFC 9449 §7). */
  protected bearerCall(d: SendHeadersDetails): void {
    if (!this.accepts(d.tabId) || isIgnoredType(d.type) || !hasTokenCredential(d.requestHeaders)) return;
    const event = newRequestEvent(d, 0, this.openerOf(d.tabId));
    event.requestHeaders = selectHeaders(d.requestHeaders);
    this.keep(d.tabId, event);
    this.open.set(d.requestId, { tabId: d.tabId, hops: 1, current: event.id });
  }

  protected forget(requestId: string): void {
    this.open.delete(requestId);
    this.provisional.delete(requestId);
    this.releaseHeld(requestId);
  }

  /**
   * Store a new hop. Its id (`<requestId>.<hop>`) must not name another hop: a hop that began
   * out of order (early-events.ts) may hold the number already, so take the next free one.
   */
  private keep(tabId: number, event: RequestEvent): void {
    for (let hop = Number(event.id.slice(event.requestId.length + 1)); ; hop++) {
      const held = this.store.get(tabId, hopId(event.requestId, hop));
      if (!held || (held.kind === 'request' && held.startTime === event.startTime && held.url === event.url)) {
        event.id = hopId(event.requestId, hop);
        break;
      }
    }
    this.store.put(tabId, event);
    this.landed(event);
  }

  /**
   * The hop of a held body may now have a status, or have ended without one: judge the body
   * (it stays held while neither is known, e.g. headers that wait for their hop, early-events.ts).
   */
  protected releaseHeld(requestId: string): void {
    const held = this.held.get(requestId);
    if (!held) return;
    this.held.delete(requestId);
    this.attachResponseBody(held.tabId, requestId, held.body, held.onlyIf);
  }

  protected commitChain(requestId: string, chain: ProvisionalChain, shape: Shape): void {
    this.provisional.delete(requestId);
    if (!this.accepts(chain.tabId)) return;
    const last = chain.hops[chain.hops.length - 1]!;
    const inFlight = last.endTime === undefined && last.error === undefined;
    for (const hop of chain.hops) this.keep(chain.tabId, hop);
    this.open.set(requestId, { tabId: chain.tabId, hops: chain.hops.length, current: inFlight ? last.id : undefined });
    this.noteFlow(chain.tabId, last, shape, chain.hops);
  }

  protected noteFlow(tabId: number, event: RequestEvent, shape: Shape, chain: readonly RequestEvent[] = []): void {
    if (!FLOW_SHAPES.has(shape)) return;
    const record = this.store.record(tabId);
    const time = event.endTime ?? event.startTime;
    const origins = originsOf(event, chain, [this.topOrigin.get(tabId)]);
    noteFlowOrigins(record, origins, time, this.limits);
    this.store.markDirty(tabId);
    // A popup's flow belongs to its opener too: the opener usually redeems the code (docs/architecture.md "Correlating flows" step 4).
    const opener = record.openerTabId !== undefined ? this.store.peek(record.openerTabId) : undefined;
    if (opener && !opener.paused) {
      noteFlowOrigins(opener, origins, time, this.limits);
      this.store.markDirty(opener.tabId);
    }
  }
}
