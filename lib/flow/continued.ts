import type { CapturedEvent, RequestEvent } from '../model/event';
import { CLOCK_SLACK_MS } from './page-only';
import { DOCUMENT_TYPES, REDIRECT_STATUSES, answerReported } from './hop-answer';
import { headerValue, stripFragment } from './params';

/**
 * Redirect chains the page shows went on (issue 17 point 6). When an MV3 worker is stopped at the
 * wrong moment, Chromium can drop the events of the last hops of a navigation's redirect chain,
 * while the document the navigation ended in is still listed by the page (a hop seen by the page
 * only, whose Navigation Timing entry says when the navigation began). Two things then follow
 * from what the browser did report, and nothing else is assumed:
 * - a document hop of that navigation left without an answer, at another URL than the document
 *   the navigation ended in, was answered with a redirect (`redirectedOn`): a navigation leaves a
 *   request only by a redirect; which 3xx, where to, and its headers stay unknown;
 * - when the last reported hop was answered with a redirect to an http(s) URL that is not the
 *   document the navigation ended in, and no hop to that URL was reported, the browser did request
 *   it and was redirected on from it: that hop is added (`announced`), with the method the redirect
 *   status gives (Fetch: 303 → GET; 301/302 after a POST → GET; 307/308 keep it), and nothing
 *   else: no headers, no bodies, no status. Hops between it and the document, if any, are unknown.
 * A chain belongs to the navigation when every reported hop of it began between the navigation's
 * start and the document's own fetch (with `CLOCK_SLACK_MS`), in the same tab and frame.
 * Derived at analysis, never stored: a hop the browser reports later replaces the derivation.
 */

const answered = (e: RequestEvent) => answerReported(e) || e.recovered !== undefined;

/** Where a hop was redirected to: its reported redirect, or the Location of a 3xx answer. */
function redirectTarget(hop: RequestEvent): string | null {
  if (hop.status === undefined || !REDIRECT_STATUSES.has(hop.status)) return null;
  const location = hop.redirectUrl ?? headerValue(hop.responseHeaders, 'location');
  if (!location) return null;
  try {
    const url = new URL(location, hop.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The method of the request a redirect leads to (Fetch, HTTP-redirect fetch step 12), or null if it cannot be told. */
export function methodAfterRedirect(method: string, status: number): string | null {
  const m = method.toUpperCase();
  if (!m) return null;
  if (status === 303) return m === 'HEAD' ? 'HEAD' : 'GET';
  if (status === 301 || status === 302) return m === 'POST' ? 'GET' : m;
  if (status === 307 || status === 308) return m;
  return null;
}

/** The document seen by the page only that the navigation of this chain ended in, if one did. */
function endedIn(chain: readonly RequestEvent[], documents: readonly RequestEvent[]): RequestEvent | null {
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  for (const doc of documents) {
    const began = doc.recovered?.navigationStart;
    if (began === undefined || doc.tabId !== first.tabId || doc.frameId !== first.frameId || doc.type !== first.type) continue;
    if (first.startTime >= began - CLOCK_SLACK_MS && last.startTime <= doc.startTime + CLOCK_SLACK_MS) return doc;
  }
  return null;
}

/**
 * Events as the analysis reads them, with the two derivations above: hops marked `redirectedOn`
 * (copies; the captured events are not changed) and hops `announced`, each in its chain.
 */
export function withContinuedChains(events: readonly CapturedEvent[]): CapturedEvent[] {
  const documents = events.filter((e): e is RequestEvent => e.kind === 'request' && e.seenByPageOnly === true && DOCUMENT_TYPES.has(e.type) && e.recovered?.navigationStart !== undefined);
  if (documents.length === 0) return [...events];
  const chains = new Map<string, RequestEvent[]>();
  for (const e of events) {
    if (e.kind !== 'request' || e.seenByPageOnly || !DOCUMENT_TYPES.has(e.type)) continue;
    const chain = chains.get(e.requestId);
    if (chain) chain.push(e);
    else chains.set(e.requestId, [e]);
  }
  const marked = new Map<RequestEvent, RequestEvent>();
  const added: RequestEvent[] = [];
  for (const unsorted of chains.values()) {
    const chain = [...unsorted].sort((a, b) => a.startTime - b.startTime);
    const last = chain[chain.length - 1]!;
    const doc = endedIn(chain, documents);
    if (!doc) continue;
    const ending = stripFragment(doc.url);
    if (!answered(last)) {
      if (stripFragment(last.url) !== ending) marked.set(last, { ...last, redirectedOn: true });
      continue;
    }
    const target = redirectTarget(last);
    const method = target ? methodAfterRedirect(last.method, last.status!) : null;
    if (!target || !method || stripFragment(target) === ending) continue;
    const hop: RequestEvent = {
      kind: 'request',
      id: `${last.id}.next`,
      requestId: last.requestId,
      tabId: last.tabId,
      frameId: last.frameId,
      parentFrameId: last.parentFrameId,
      type: last.type,
      method,
      url: stripFragment(target),
      // Begun when the hop before it ended: after it, before the document.
      startTime: Math.min(Math.max(last.endTime ?? last.startTime, last.startTime), doc.startTime),
      redirectedOn: true,
      announced: true,
    };
    if (last.openerTabId !== undefined) hop.openerTabId = last.openerTabId;
    added.push(hop);
  }
  if (marked.size === 0 && added.length === 0) return [...events];
  return [...events.map((e) => (e.kind === 'request' ? (marked.get(e) ?? e) : e)), ...added];
}
