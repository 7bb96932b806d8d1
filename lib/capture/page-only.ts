import type { RequestEvent } from '../model/event';
import { PAGE_ONLY, CLOCK_SLACK_MS, unreported } from '../flow/page-only';
import { FLOW_SHAPES, flowActive, isFlowOrigin } from './flow-origins';
import type { CaptureLimits } from './limits';
import { shapeOfUrl } from './prefilter';
import { FETCH_INITIATORS, FETCHED_NAVIGATIONS, RECOVER_WITHIN_MS, usableStatus, type FrameQuestion, type FrameTimings, type TimingEntry } from './recovery';
import type { TabRecord } from './tab-record';

/**
 * Hops the browser reported nothing of, but the page saw (issue 17 point 6; what they are and how
 * the analysis reads them: lib/flow/page-only.ts). Chromium 156 never runs the webRequest events
 * queued for an MV3 worker instance stopped while it starts, and an instance being stopped never
 * lands its storage writes: the SPA's callback document and the token and UserInfo fetches it
 * makes can then leave no event at all (e2e "twenty worker stops"). The callback document's
 * Navigation Timing entry and the Resource Timing entries of its fetches still name them.
 *
 * Which entries become hops (the rule, written down in docs/architecture.md "Nothing lost"):
 * an entry is taken only when the live capture would have kept its request had it seen it, and
 * only while the tab's flow is under way —
 * - the tab shows a flow: a captured hop with an OAuth shape in its URL (an authorization
 *   request or a callback), and the entry began after the first such hop and within the flow
 *   window (`flowWindowMs`) and `RECOVER_WITHIN_MS` of now;
 * - the entry is the frame's own document, reached by navigating or reloading, or a fetch/XHR
 *   that document made (begun after the document's navigation began: an entry from before
 *   belongs to another document);
 * - its URL has an OAuth shape (lib/capture/prefilter.ts: a callback carrying code/state, a
 *   token or UserInfo endpoint…) or goes to an origin taking part in the tab's flow
 *   (flow-origins.ts: the authorization server's, the redirect_uri's), the same two rules that
 *   keep a live request;
 * - it was answered (a status the page sees, not a redirect) and names an http(s) URL of at most
 *   `MAX_PAGE_URL` characters;
 * - no hop the browser did report is the same request (lib/flow/page-only.ts `unreported`: same
 *   URL fragments aside, same moment, each used once).
 * A page can list the same entry twice (two reads): one hop per entry, by a stable id.
 */

/** Longer URLs are not taken from a page (a callback with a large id_token in its fragment is well below). */
export const MAX_PAGE_URL = 16_384;

/** Entries read from one frame at most (recover-answers.ts reads the newest this many). */
export const MAX_PAGE_ENTRIES = 200;

/** When the tab's flow began: its first captured hop with an OAuth shape in its URL (null: no flow here). */
function flowStart(record: TabRecord): number | null {
  let start: number | null = null;
  for (const e of record.events) {
    if (e.kind !== 'request' || e.seenByPageOnly || (start !== null && e.startTime >= start)) continue;
    const shape = shapeOfUrl(e.url);
    if (shape && FLOW_SHAPES.has(shape)) start = e.startTime;
  }
  return start;
}

/** The frames of a tab with a flow under way whose pages are read for hops seen by them only, with the origins they report on. */
export function pageOnlyFrames(record: TabRecord | undefined, now: number, limits: CaptureLimits): FrameQuestion[] {
  if (!record || !flowActive(record, now, limits) || flowStart(record) === null) return [];
  const origins = Object.keys(record.flowOrigins);
  const frames = new Set([0]);
  for (const e of record.events) if (e.kind === 'request' && e.type === 'sub_frame') frames.add(e.frameId);
  return [...frames].map((frameId) => ({ tabId: record.tabId, frameId, urls: [], origins }));
}

/** Small stable hash of a URL (FNV-1a, 32 bits), so that the same entry read twice is one hop. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * When a document hop seen by the page only began: the fetch of the document itself when the page
 * says so (`fetchedAt`, within the navigation), else the navigation's start. A callback reached
 * through a redirect chain then sorts after the hops of that chain (the form POST, the provider's
 * redirect), as the browser would have reported it, not before them at the moment of the click.
 */
export function documentStart(entry: TimingEntry): number {
  const fetched = entry.fetchedAt;
  return fetched !== undefined && fetched >= entry.startedAt && (entry.answeredAt <= 0 || fetched <= entry.answeredAt) ? fetched : entry.startedAt;
}

function toHop(record: TabRecord, frameId: number, entry: TimingEntry): RequestEvent {
  const requestId = `${PAGE_ONLY}${frameId}.${entry.entryType === 'navigation' ? 'n' : 'r'}.${Math.round(entry.startedAt * 1000)}.${hashOf(entry.name)}`;
  const hop: RequestEvent = {
    kind: 'request',
    id: `${requestId}.0`,
    requestId,
    tabId: record.tabId,
    frameId,
    parentFrameId: -1,
    type: entry.entryType === 'navigation' ? (frameId === 0 ? 'main_frame' : 'sub_frame') : 'xmlhttprequest',
    method: '',
    url: entry.name,
    startTime: entry.entryType === 'navigation' ? documentStart(entry) : entry.startedAt,
    recovered:
      entry.entryType === 'navigation'
        ? { from: 'navigation-timing', status: entry.status, at: entry.answeredAt, navigationStart: entry.startedAt }
        : { from: 'resource-timing', status: entry.status, at: entry.answeredAt },
    seenByPageOnly: true,
  };
  if (record.openerTabId !== undefined) hop.openerTabId = record.openerTabId;
  return hop;
}

/**
 * The hops one frame's timing entries name that the capture holds nothing of (rule above). Pure:
 * the caller stores them (CaptureEngine.recoverAnswers). Hops seen by the page only already stored
 * come back with the same id.
 */
export function pageOnlyHops(record: TabRecord | undefined, timings: FrameTimings, now: number, limits: CaptureLimits): RequestEvent[] {
  if (!record || record.tabId !== timings.tabId || !flowActive(record, now, limits)) return [];
  const start = flowStart(record);
  const ownDocument = timings.entries.find((x) => x.entryType === 'navigation');
  if (start === null || !ownDocument) return [];
  const taken = new Map<string, RequestEvent>();
  for (const entry of timings.entries) {
    if (entry.name.length > MAX_PAGE_URL || !/^https?:\/\//i.test(entry.name)) continue;
    if (!usableStatus(entry.status) || entry.answeredAt <= 0 || entry.answeredAt < entry.startedAt) continue;
    const isDocument = entry === ownDocument;
    if (isDocument ? !FETCHED_NAVIGATIONS.has(entry.type) : entry.entryType !== 'resource' || !FETCH_INITIATORS.has(entry.type)) continue;
    if (!isDocument && entry.startedAt < ownDocument.startedAt - CLOCK_SLACK_MS) continue;
    if (entry.startedAt < start - CLOCK_SLACK_MS || entry.startedAt > now + CLOCK_SLACK_MS || now - entry.startedAt > RECOVER_WITHIN_MS) continue;
    const type = isDocument ? (timings.frameId === 0 ? 'main_frame' : 'sub_frame') : 'xmlhttprequest';
    const shape = shapeOfUrl(entry.name);
    if (shape === null && !isFlowOrigin(record, entry.name, type, entry.startedAt, limits)) continue;
    const hop = toHop(record, timings.frameId, entry);
    taken.set(hop.id, hop);
  }
  const reported = record.events.filter((e): e is RequestEvent => e.kind === 'request' && !e.seenByPageOnly && e.tabId === timings.tabId && e.frameId === timings.frameId);
  return unreported([...taken.values()], reported);
}

/** Each frame once: the questions about awaited answers and those about hops seen by the page only, merged. */
export function mergeQuestions(questions: readonly FrameQuestion[]): FrameQuestion[] {
  const out = new Map<string, FrameQuestion>();
  for (const q of questions) {
    const key = `${q.tabId}:${q.frameId}`;
    const known = out.get(key);
    if (!known) {
      out.set(key, { ...q, urls: [...q.urls], ...(q.origins ? { origins: [...q.origins] } : {}) });
      continue;
    }
    for (const url of q.urls) if (!known.urls.includes(url)) known.urls.push(url);
    if (q.origins) known.origins = [...new Set([...(known.origins ?? []), ...q.origins])];
  }
  return [...out.values()];
}
