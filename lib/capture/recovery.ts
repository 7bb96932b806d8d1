import * as z from 'zod';
import { CLOCK_SLACK_MS } from '../flow/page-only';
import { DOCUMENT_TYPES, REDIRECT_STATUSES, answerReported } from '../flow/hop-answer';
import { stripFragment } from '../flow/params';
import type { CapturedEvent, RecoveredAnswer, RequestEvent } from '../model/event';

/**
 * Answers the browser never reported, read back from the page (issue 17 point 6).
 *
 * Chromium 156 drops webRequest events around an MV3 worker stop: events queued for an instance
 * that is stopped before it runs them are never run by any instance, and the storage writes of
 * an instance already being stopped never land (capture.test.ts "twenty worker stops", with a
 * console line per listener call read over CDP). A hop can then have begun (its onBeforeRequest
 * was kept) but have no answer: no status, no end. The page still knows how it was answered:
 * Navigation Timing for the frame's own document, Resource Timing for the fetches and XHRs that
 * document made, each with `responseStatus`. Only the status is recovered — never headers, a
 * body or a redirect target — and it is kept apart from what webRequest reported
 * (`RequestEvent.recovered`), so the real answer, should it still arrive, wins.
 *
 * The background reads the entries (entrypoints/background/recover-answers.ts); here: which hops
 * wait for an answer, which frames to ask, and which entry answers which hop.
 */

/** Hops whose answer is looked for: documents (DOCUMENT_TYPES, Navigation Timing) and what a document fetched (Resource Timing). */
const FETCH_TYPES = new Set(['xmlhttprequest']);
/** Resource Timing initiator types of a fetch() or an XMLHttpRequest (webRequest calls both `xmlhttprequest`). */
export const FETCH_INITIATORS = new Set(['fetch', 'xmlhttprequest']);
/** A document reached by navigating or reloading was fetched for it; one from history was not. */
export const FETCHED_NAVIGATIONS = new Set(['navigate', 'reload']);

/** How far apart the page's clock and webRequest's may be for the same moment (lib/flow/page-only.ts). */
export { CLOCK_SLACK_MS };
/** Hops older than this are not chased: the frame has most likely moved on. */
export const RECOVER_WITHIN_MS = 10 * 60_000;

export const TimingEntrySchema = z.object({
  entryType: z.enum(['navigation', 'resource']),
  /** The URL the entry names (a document's URL, fragment included; a fetch's request URL). */
  name: z.string().max(100_000),
  /** navigation: navigate | reload | back_forward | prerender; resource: the initiator type. */
  type: z.string().max(64),
  /** `responseStatus` (0: not exposed to the page). */
  status: z.number().int(),
  /** When the request began, epoch ms (performance.timeOrigin + startTime). */
  startedAt: z.number(),
  /** When the response began to arrive, epoch ms (0: it did not). */
  answeredAt: z.number(),
  /**
   * A navigation only: when the fetch of the document itself began, epoch ms (`fetchStart`,
   * after any redirects), while `startedAt` is when the whole navigation began, before the
   * redirect chain that led to it. Absent from entries read by older versions.
   */
  fetchedAt: z.number().optional(),
});
export type TimingEntry = z.infer<typeof TimingEntrySchema>;

/** What one frame's page gave back. */
export interface FrameTimings {
  tabId: number;
  frameId: number;
  entries: readonly TimingEntry[];
}

export interface Frame {
  tabId: number;
  frameId: number;
}

/**
 * A frame to ask, with the URLs (fragments aside) of its hops that await an answer, and the
 * origins taking part in its tab's flow (for hops seen by the page only: page-only.ts): the page
 * reports only entries for those URLs, and its document and fetches to those origins.
 */
export interface FrameQuestion extends Frame {
  urls: string[];
  origins?: string[];
}

function chainEnds(events: readonly CapturedEvent[]): Map<string, RequestEvent> {
  const last = new Map<string, RequestEvent>();
  for (const e of events) {
    if (e.kind !== 'request') continue;
    const known = last.get(e.requestId);
    if (!known || e.startTime >= known.startTime) last.set(e.requestId, e);
  }
  return last;
}

/**
 * Hops that began but never got an answer: the last hop of their request (an earlier hop of a
 * redirect chain is answered by the next hop's existence: lib/flow/recovered.ts), a document or a
 * fetch, not yet recovered, begun within `RECOVER_WITHIN_MS` of `now`.
 */
export function hopsAwaitingAnswer(events: readonly CapturedEvent[], now: number): RequestEvent[] {
  const out: RequestEvent[] = [];
  for (const e of chainEnds(events).values()) {
    if (answerReported(e) || e.recovered || now - e.startTime > RECOVER_WITHIN_MS) continue;
    if (DOCUMENT_TYPES.has(e.type) || FETCH_TYPES.has(e.type)) out.push(e);
  }
  return out;
}

/** The frames whose page may know an awaited answer (each hop's own tab and frame), with the URLs to report on. */
export function framesToAsk(events: readonly CapturedEvent[], now: number): FrameQuestion[] {
  const frames = new Map<string, FrameQuestion>();
  for (const e of hopsAwaitingAnswer(events, now)) {
    const key = `${e.tabId}:${e.frameId}`;
    const frame = frames.get(key) ?? { tabId: e.tabId, frameId: e.frameId, urls: [] };
    const url = stripFragment(e.url);
    if (!frame.urls.includes(url)) frame.urls.push(url);
    frames.set(key, frame);
  }
  return [...frames.values()];
}

export const usableStatus = (status: number) => status >= 100 && status <= 599 && !REDIRECT_STATUSES.has(status);

/**
 * The document hop a frame's Navigation Timing entry answers. Among the frame's document hops to
 * the entry's URL (fragments aside) that began while that navigation was under way (from its
 * start to its response, with `CLOCK_SLACK_MS`), the latest is the one whose response became the
 * document; it is returned only if it still awaits its answer. A document from history, a status
 * the page does not see (0) or a redirect status answer nothing.
 */
function navigationMatch(events: readonly CapturedEvent[], waiting: ReadonlySet<RequestEvent>, frame: Frame, entry: TimingEntry): RequestEvent | null {
  if (!FETCHED_NAVIGATIONS.has(entry.type) || !usableStatus(entry.status) || entry.answeredAt <= 0) return null;
  const url = stripFragment(entry.name);
  const type = frame.frameId === 0 ? 'main_frame' : 'sub_frame';
  let best: RequestEvent | null = null;
  for (const e of events) {
    if (e.kind !== 'request' || e.tabId !== frame.tabId || e.frameId !== frame.frameId || e.type !== type) continue;
    if (stripFragment(e.url) !== url) continue;
    if (e.startTime < entry.startedAt - CLOCK_SLACK_MS || e.startTime > entry.answeredAt + CLOCK_SLACK_MS) continue;
    if (!best || e.startTime >= best.startTime) best = e;
  }
  return best && waiting.has(best) ? best : null;
}

/**
 * Resource Timing entries to the fetch hops they answer: same URL (fragments aside), begun at the
 * same moment within `CLOCK_SLACK_MS`, nearest pairs first and each entry and hop used once. Hops
 * already answered take part, so an entry that is theirs is never handed to another hop.
 */
function resourceMatches(events: readonly CapturedEvent[], waiting: ReadonlySet<RequestEvent>, frame: Frame, entries: readonly TimingEntry[]): Array<[RequestEvent, TimingEntry]> {
  const fetches = entries.filter((x) => x.entryType === 'resource' && FETCH_INITIATORS.has(x.type));
  if (fetches.length === 0) return [];
  const pairs: Array<{ hop: RequestEvent; entry: TimingEntry; distance: number }> = [];
  for (const e of events) {
    if (e.kind !== 'request' || e.tabId !== frame.tabId || e.frameId !== frame.frameId || !FETCH_TYPES.has(e.type)) continue;
    const url = stripFragment(e.url);
    for (const entry of fetches) {
      const distance = Math.abs(entry.startedAt - e.startTime);
      if (stripFragment(entry.name) === url && distance <= CLOCK_SLACK_MS) pairs.push({ hop: e, entry, distance });
    }
  }
  pairs.sort((a, b) => a.distance - b.distance);
  const usedHops = new Set<RequestEvent>();
  const usedEntries = new Set<TimingEntry>();
  const out: Array<[RequestEvent, TimingEntry]> = [];
  for (const { hop, entry } of pairs) {
    if (usedHops.has(hop) || usedEntries.has(entry)) continue;
    usedHops.add(hop);
    usedEntries.add(entry);
    if (waiting.has(hop) && usableStatus(entry.status) && entry.answeredAt > 0) out.push([hop, entry]);
  }
  return out;
}

/**
 * The answers one frame's timing entries give to hops of `events` (one tab's, or more) that await
 * one. Pure: the caller stores them (CaptureEngine.recoverAnswers).
 */
export function recoveredAnswers(events: readonly CapturedEvent[], timings: FrameTimings, now: number): Array<{ hop: RequestEvent; answer: RecoveredAnswer }> {
  const frame = { tabId: timings.tabId, frameId: timings.frameId };
  const waiting = new Set(hopsAwaitingAnswer(events, now).filter((e) => e.tabId === frame.tabId && e.frameId === frame.frameId));
  if (waiting.size === 0) return [];
  const out: Array<{ hop: RequestEvent; answer: RecoveredAnswer }> = [];
  for (const entry of timings.entries) {
    if (entry.entryType !== 'navigation') continue;
    const hop = navigationMatch(events, waiting, frame, entry);
    if (hop) out.push({ hop, answer: { from: 'navigation-timing', status: entry.status, at: entry.answeredAt } });
  }
  for (const [hop, entry] of resourceMatches(events, waiting, frame, timings.entries)) {
    out.push({ hop, answer: { from: 'resource-timing', status: entry.status, at: entry.answeredAt } });
  }
  return out;
}
