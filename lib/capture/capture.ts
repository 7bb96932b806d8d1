import { eventTime, type CapturedEvent, type RequestEvent } from '../model/event';
import { newNavigationEvent, type NavigationKind } from './build-event';
import type { CreatedTargetDetails, NavigationDetails } from './details';
import { FLOW_SHAPES, fastOrigin, flowActive, isFlowOrigin, noteFlowOrigins } from './flow-origins';
import { keepsPageText, pageTextHop, type LoadedDocument } from './page-text';
import { PendingBodies, bodyFits, type AttachBodyInput } from './pending-bodies';
import { Recorder } from './recorder';
import { mergeQuestions, pageOnlyFrames, pageOnlyHops } from './page-only';
import { framesToAsk, recoveredAnswers, type FrameQuestion, type FrameTimings } from './recovery';
import { shapeOfUrl } from './prefilter';

/** Transitions a user starts; a redirect or a script's navigation is not "leaving" (Chrome's TransitionType). */
const USER_TRANSITIONS = new Set(['typed', 'auto_bookmark', 'generated', 'keyword', 'keyword_generated', 'reload', 'start_page']);

export type { AttachBodyInput } from './pending-bodies';

/**
 * The whole capture state machine: webRequest hops (Recorder), webNavigation events, tab
 * lifecycle and the panel's commands. Pure and synchronous.
 *
 * Clearing, in short: a tab's events go away on an explicit `panel/clear`; on a user-started
 * top-level navigation to a non-OAuth page when "preserve" is off and no flow has been active in
 * the tab for the correlation window (an OAuth login *is* a series of navigations, so a flow in
 * progress is never cut); and a grace period after the tab closes, unless preserved or it is a
 * popup whose opener is still open.
 */
export class CaptureEngine extends Recorder {
  private readonly pendingBodies = new PendingBodies(this.limits);

  committed(d: NavigationDetails): void {
    if (!this.accepts(d.tabId)) return;
    if (d.frameId === 0) {
      this.topOrigin.set(d.tabId, fastOrigin(d.url));
      this.maybeAutoClear(d);
    }
    this.navigation('committed', d);
  }

  fragmentUpdated(d: NavigationDetails): void {
    if (this.accepts(d.tabId)) this.navigation('fragment', d);
  }

  historyStateUpdated(d: NavigationDetails): void {
    if (this.accepts(d.tabId)) this.navigation('history-state', d);
  }

  /** A popup or new tab: remember the opener, so its flow joins the opener's (docs/architecture.md "Correlating flows" step 4). */
  createdTarget(d: CreatedTargetDetails): void {
    if (!this.accepts(d.tabId) || this.store.peek(d.sourceTabId)?.paused) return;
    const record = this.store.record(d.tabId);
    record.openerTabId = d.sourceTabId;
    const source = this.store.peek(d.sourceTabId);
    if (source && flowActive(source, d.timeStamp, this.limits)) {
      noteFlowOrigins(record, Object.keys(source.flowOrigins), source.lastFlowActivity, this.limits);
    }
    const event = newNavigationEvent('created-target', { ...d, frameId: 0 }, this.navId('created-target', d.tabId, 0, d.timeStamp), d.sourceTabId);
    this.store.put(d.tabId, event);
  }

  tabRemoved(tabId: number, time: number): void {
    this.topOrigin.delete(tabId);
    const record = this.store.peek(tabId);
    if (!record || record.closedAt !== undefined) return;
    record.closedAt = time;
    const d = { tabId, frameId: 0, url: '', timeStamp: time };
    this.store.put(tabId, newNavigationEvent('tab-removed', d, this.navId('tab-removed', tabId, 0, time)));
  }

  clear(tabId: number, now: number): void {
    this.store.clear(tabId, now);
    for (const [requestId, open] of this.open) if (open.tabId === tabId) this.open.delete(requestId);
  }

  setPaused(tabId: number, paused: boolean): void {
    this.store.record(tabId).paused = paused;
    this.store.markDirty(tabId);
  }

  setPreserve(tabId: number, preserve: boolean): void {
    this.store.record(tabId).preserve = preserve;
    this.store.markDirty(tabId);
  }

  /**
   * A response body the panel read through devtools.network. Matched by URL (fragment ignored),
   * method and start time within the tab and its popups; the hop nearest `startTime` without a
   * body wins. A body whose request is not in the store yet waits for it (pending-bodies.ts):
   * returns whether it was attached now.
   */
  attachBody(input: AttachBodyInput, now: number): boolean {
    let best: RequestEvent | undefined;
    for (const e of this.eventsFor(input.tabId)) {
      if (e.kind !== 'request' || !bodyFits(input, e, this.limits.bodyMatchWindowMs)) continue;
      if (!best || isBetterMatch(e, best, input.startTime)) best = e;
    }
    if (!best) {
      this.pendingBodies.add(input, now);
      return false;
    }
    this.setResponseBody(best.tabId, best, { ...input.body, source: 'devtools' });
    return true;
  }

  /**
   * A frame finished parsing `doc`: the hop whose page it is, when that page is an authorization
   * request's own error page whose text is worth reading (page-text.ts); null for every other page.
   */
  pageTextTarget(doc: LoadedDocument): { tabId: number; eventId: string } | null {
    if (!this.accepts(doc.tabId)) return null;
    const hop = pageTextHop(this.store.peek(doc.tabId)?.events ?? [], doc);
    return hop ? { tabId: doc.tabId, eventId: hop.id } : null;
  }

  /**
   * The visible text read from that page, kept as the hop's body (source `page-text`, plain text)
   * when the page is a refusal or names a provider error code, and the hop has no body yet (a
   * body DevTools forwarded is the page itself and wins). Returns whether it was kept.
   */
  attachPageText(target: { tabId: number; eventId: string }, text: string, truncated: boolean): boolean {
    const hop = this.store.get(target.tabId, target.eventId);
    if (hop?.kind !== 'request' || hop.responseBody || !keepsPageText(hop, text)) return false;
    this.setResponseBody(target.tabId, hop, { text, truncated, mimeType: 'text/plain', source: 'page-text' });
    return true;
  }

  /**
   * Frames whose page may know an answer the browser never reported (recovery.ts), or a hop it
   * reported nothing of (page-only.ts): of one tab, or of all.
   */
  framesToAsk(now: number, tabId?: number): FrameQuestion[] {
    const tabs = tabId === undefined ? this.store.tabIds() : this.store.has(tabId) ? [tabId] : [];
    return tabs
      .filter((t) => this.accepts(t))
      .flatMap((t) => mergeQuestions([...framesToAsk(this.store.peek(t)?.events ?? [], now), ...pageOnlyFrames(this.store.peek(t), now, this.limits)]));
  }

  /**
   * What a frame's timing entries tell about hops the browser never answered: kept on each hop
   * as `recovered` (its own webRequest answer, should it still come, is applied as usual and
   * wins); and the hops it never reported at all, stored as seen by the page only. Returns how
   * many hops got an answer or were added.
   */
  recoverAnswers(timings: FrameTimings, now: number): number {
    if (!this.accepts(timings.tabId)) return 0;
    const found = recoveredAnswers(this.store.peek(timings.tabId)?.events ?? [], timings, now);
    for (const { hop, answer } of found) {
      hop.recovered = answer;
      this.store.touch(timings.tabId, hop);
    }
    // Hops the browser reported nothing of, that the page saw (page-only.ts); one already stored keeps its place.
    const seen = pageOnlyHops(this.store.peek(timings.tabId), timings, now, this.limits).filter((hop) => !this.store.get(timings.tabId, hop.id));
    for (const hop of seen) this.store.put(timings.tabId, hop);
    return found.length + seen.length;
  }

  /** Bodies still waiting for their request (bounded; see pending-bodies.ts). */
  get pendingBodyCount(): number {
    return this.pendingBodies.size;
  }

  protected override landed(event: RequestEvent): void {
    if (this.pendingBodies.size === 0 || event.responseBody) return;
    const input = this.pendingBodies.take(event, (tabId) => this.familyOf(tabId));
    if (input) this.setResponseBody(event.tabId, event, { ...input.body, source: 'devtools' });
  }

  /** Drop closed tabs whose grace period is over. Returns the dropped tab ids. */
  sweep(now: number): number[] {
    this.pendingBodies.expire(now);
    const dropped: number[] = [];
    for (const tabId of this.store.tabIds()) {
      const r = this.store.peek(tabId)!;
      if (r.closedAt === undefined || r.preserve || now - r.closedAt < this.limits.closedTabGraceMs) continue;
      const opener = r.openerTabId !== undefined ? this.store.peek(r.openerTabId) : undefined;
      if (opener && opener.closedAt === undefined) continue;
      this.store.drop(tabId);
      dropped.push(tabId);
    }
    return dropped;
  }

  /** Tabs whose events belong to `tabId`'s view: itself and the popups it opened, transitively. */
  familyOf(tabId: number): number[] {
    const family = [tabId];
    for (let i = 0; i < family.length; i++) {
      for (const other of this.store.tabIds()) {
        if (this.store.peek(other)!.openerTabId === family[i] && !family.includes(other)) family.push(other);
      }
    }
    return family;
  }

  /** Events of a tab and its popups (or of every tab), oldest first. */
  eventsFor(tabId?: number): CapturedEvent[] {
    const tabs = tabId === undefined ? this.store.tabIds() : this.familyOf(tabId);
    const events = tabs.flatMap((t) => this.store.peek(t)?.events ?? []);
    return events.sort((a, b) => eventTime(a) - eventTime(b));
  }

  private navigation(kind: NavigationKind, d: NavigationDetails): void {
    const shape = shapeOfUrl(d.url);
    const type = d.frameId === 0 ? 'main_frame' : 'sub_frame';
    if (!shape && !isFlowOrigin(this.store.peek(d.tabId), d.url, type, d.timeStamp, this.limits)) return;
    this.store.put(d.tabId, newNavigationEvent(kind, d, this.navId(kind, d.tabId, d.frameId, d.timeStamp)));
    if (shape && FLOW_SHAPES.has(shape)) {
      noteFlowOrigins(this.store.record(d.tabId), [fastOrigin(d.url)], d.timeStamp, this.limits);
    }
  }

  private maybeAutoClear(d: NavigationDetails): void {
    const record = this.store.peek(d.tabId);
    if (!record || record.preserve || record.events.length === 0) return;
    if (!USER_TRANSITIONS.has(d.transitionType ?? '') || shapeOfUrl(d.url)) return;
    if (flowActive(record, d.timeStamp, this.limits)) return;
    this.clear(d.tabId, d.timeStamp);
  }

  /** Navigation ids are deterministic (tab, frame, time, kind) so two worker instances agree. */
  private navId(kind: NavigationKind, tabId: number, frameId: number, time: number): string {
    const base = `nav.${tabId}.${frameId}.${Math.round(time * 1000)}.${kind}`;
    let id = base;
    for (let n = 1; this.store.get(tabId, id); n++) id = `${base}.${n}`;
    return id;
  }
}

/** A hop without a body beats one that has one; then the nearest in time (or the latest). */
function isBetterMatch(candidate: RequestEvent, best: RequestEvent, time: number | undefined): boolean {
  const hasBody = (e: RequestEvent) => (e.responseBody ? 1 : 0);
  if (hasBody(candidate) !== hasBody(best)) return hasBody(candidate) < hasBody(best);
  const distance = (e: RequestEvent) => (time === undefined ? -e.startTime : Math.abs(e.startTime - time));
  return distance(candidate) < distance(best);
}
