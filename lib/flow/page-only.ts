import type { CapturedEvent, RequestEvent } from '../model/event';
import type { StepKind } from '../model/flow';
import { stripFragment } from './params';

/**
 * Steps seen by the page only (issue 17 point 6). Chromium 156 can drop every webRequest event of
 * a hop when its MV3 worker is stopped at the wrong moment; the page still lists the hop in its
 * Navigation Timing (its own document) or Resource Timing (its fetches and XHRs). Such a hop is
 * stored as a RequestEvent with `seenByPageOnly` (built in lib/capture/page-only.ts): its URL,
 * the status the page saw (`recovered`) and its times, nothing else — no method (the page does not
 * say it: stored as ''), no headers, no body, no redirect target.
 *
 * Here: when a hop seen by the page is the same as a hop the browser reported (both the capture
 * and the analysis use it: a real hop that turns up later replaces the page's), how the flow
 * builder names its kind, and what the step says.
 */

/**
 * How far apart the page's clock (performance.timeOrigin) and webRequest's timeStamp may be for
 * the same moment: both are the machine's wall clock, read in two processes at slightly different
 * points of the request (seen 5–40 ms apart, up to a few hundred under load).
 */
export const CLOCK_SLACK_MS = 500;

/** Id and requestId prefix of a hop seen by the page only. */
export const PAGE_ONLY = 'page:';

/** What a hop seen by the page only is shown with where a method would be: the page never says it. */
export const UNKNOWN_METHOD = '?';

export function isPageOnly(event: CapturedEvent): event is RequestEvent & { seenByPageOnly: true } {
  return event.kind === 'request' && event.seenByPageOnly === true;
}

/**
 * Whether `hop`, reported by the browser, is the request the page saw as `pageOnly`: same tab and
 * frame, same URL with fragments aside, and begun while the page's entry was under way (from its
 * start to its answer, with `CLOCK_SLACK_MS` each side). For a document the start is that of its
 * own fetch, after any redirects (lib/capture/page-only.ts `documentStart`; the navigation's start
 * for entries read without it), so the document's own hop begins inside it.
 */
export function sameRequest(pageOnly: RequestEvent, hop: RequestEvent): boolean {
  if (hop.tabId !== pageOnly.tabId || hop.frameId !== pageOnly.frameId || hop.seenByPageOnly) return false;
  if (stripFragment(hop.url) !== stripFragment(pageOnly.url)) return false;
  const answeredAt = pageOnly.recovered?.at ?? pageOnly.startTime;
  return hop.startTime >= pageOnly.startTime - CLOCK_SLACK_MS && hop.startTime <= answeredAt + CLOCK_SLACK_MS;
}

/**
 * The hops seen by the page only that no reported hop is: pairs of the same request (`sameRequest`)
 * are made nearest in time first, each hop on either side used once, so two identical fetches of
 * which the browser reported one leave the other.
 */
export function unreported(pageOnly: readonly RequestEvent[], reported: readonly RequestEvent[]): RequestEvent[] {
  const pairs: Array<{ page: RequestEvent; hop: RequestEvent; distance: number }> = [];
  for (const page of pageOnly) for (const hop of reported) if (sameRequest(page, hop)) pairs.push({ page, hop, distance: Math.abs(hop.startTime - page.startTime) });
  pairs.sort((a, b) => a.distance - b.distance);
  const paired = new Set<RequestEvent>();
  for (const { page, hop } of pairs) {
    if (paired.has(page) || paired.has(hop)) continue;
    paired.add(page);
    paired.add(hop);
  }
  return pageOnly.filter((p) => !paired.has(p));
}

/**
 * Events as the analysis reads them: a hop seen by the page only is dropped when the browser did
 * report it after all (a later instance replayed its events, or rebuilt it from them).
 */
export function withoutReplacedPageOnly(events: readonly CapturedEvent[]): CapturedEvent[] {
  const pageOnly = events.filter(isPageOnly);
  if (pageOnly.length === 0) return [...events];
  const kept = new Set(unreported(pageOnly, events.filter((e): e is RequestEvent => e.kind === 'request' && !e.seenByPageOnly)));
  return events.filter((e) => !isPageOnly(e) || kept.has(e));
}

/**
 * The request's body is unknown, not absent: a hop seen by the page only, or one whose start
 * (which carries the body) was lost and rebuilt from its later events (`startLost`). Its kind then
 * comes from its endpoint's name (`kindByEndpointName`), and a token request joins its flow by
 * tab and time, not by the code it carried.
 */
export function bodyUnknown(event: RequestEvent): boolean {
  return event.seenByPageOnly === true || (event.startLost === true && event.requestBody === undefined);
}

/** A UserInfo endpoint's path (the bearer-call rule of classify.ts uses the same). */
export const USERINFO_PATH = /\/(?:userinfo|me)\/?$/i;

/**
 * The step a fetch whose body is unknown (`bodyUnknown`) is, when neither a discovery document (`learned`) nor a
 * provider's URL shape named its endpoint: by the generic endpoint names the capture prefilter
 * also keeps (lib/capture/prefilter.ts PATH), `token` for the token endpoint (RFC 6749 §3.2) and
 * `userinfo`/`me` for UserInfo (OIDC Core §5.3). Nothing else is guessed: its body (and, seen by
 * the page only, its headers), which decide every other kind, are unknown.
 */
export function kindByEndpointName(pathname: string): StepKind | null {
  if (/\/token\/?$/i.test(pathname)) return 'token';
  if (USERINFO_PATH.test(pathname)) return 'userinfo';
  return null;
}

/** What the step says (lib/flow/recovered.ts puts it first). */
export const PAGE_ONLY_NOTE =
  "seen by the page only: the browser never reported this request to the extension (its background was stopped); its URL, status and times come from the page's Navigation/Resource Timing, while its method, headers and body are unknown";
