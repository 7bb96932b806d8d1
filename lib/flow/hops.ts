import type { CapturedEvent, NavigationEvent, RequestEvent } from '../model/event';
import type { StepContext } from '../model/flow';
import { fragmentParams, queryParams, stripFragment } from './params';

/** Id prefix of a hop rebuilt from a navigation alone (navigationOnlyCallbacks). */
export const NAVIGATION_ONLY = 'nav:';

/** Parameters of an authorization response (RFC 6749 §4.1.2, §4.2.2, §4.1.2.1). */
const RESPONSE_NAMES = new Set(['code', 'error', 'id_token', 'access_token']);

/**
 * Callbacks the capture saw only as a committed navigation (issue 17 point 5: the capture started
 * mid-login, or the page came from the back/forward cache): webNavigation reported the document,
 * webRequest never did. Each becomes a GET hop of its own so the callback still makes a flow; a
 * navigation whose request was captured (same tab and frame, same URL without the fragment, within
 * 10 s) adds nothing. The recorder keeps a Location's fragment on the next hop's URL, so both sides
 * are compared without it.
 */
function navigationOnlyCallbacks(requests: readonly RequestEvent[], navigations: readonly NavigationEvent[]): RequestEvent[] {
  const out: RequestEvent[] = [];
  for (const n of navigations) {
    if (n.event !== 'committed' || !/^https?:/i.test(n.url)) continue;
    const url = stripFragment(n.url);
    if (![...queryParams(url), ...fragmentParams(n.url)].some((p) => RESPONSE_NAMES.has(p.name))) continue;
    const seen = requests.some((r) => r.tabId === n.tabId && r.frameId === n.frameId && stripFragment(r.url) === url && Math.abs(r.startTime - n.time) < FRAGMENT_WINDOW_MS);
    if (seen) continue;
    out.push({
      kind: 'request',
      id: `${NAVIGATION_ONLY}${n.id}`,
      requestId: `${NAVIGATION_ONLY}${n.id}`,
      tabId: n.tabId,
      frameId: n.frameId,
      parentFrameId: n.parentFrameId,
      type: n.frameId === 0 ? 'main_frame' : 'sub_frame',
      method: 'GET',
      url,
      startTime: n.time,
    });
  }
  return out;
}

/**
 * What surrounds a request hop: the hop before it in the same redirect chain, the URL with its
 * fragment (fragments never travel on the wire: docs/architecture.md "What the browser sees"), and the tab's opener.
 */
export interface HopIndex {
  requests: RequestEvent[];
  previousHop(event: RequestEvent): RequestEvent | null;
  nextHop(event: RequestEvent): RequestEvent | null;
  fullUrl(event: RequestEvent): string;
  openerOf(tabId: number): number | null;
  contextOf(event: RequestEvent): StepContext;
  /** The tab and every tab it was opened from, nearest first. */
  lineage(tabId: number): number[];
}

const FRAGMENT_WINDOW_MS = 10_000;

/**
 * Openers followed from a tab: a popup of a popup of a popup is real, a chain of thousands is an
 * artefact of a recording (each page "opened" by the one before) and made every lookup walk it
 * (issue 12).
 */
const MAX_LINEAGE = 16;

export function indexHops(events: readonly CapturedEvent[]): HopIndex {
  const captured = events.filter((e): e is RequestEvent => e.kind === 'request');
  const navigations = events.filter((e): e is NavigationEvent => e.kind === 'navigation');
  const requests = [...captured, ...navigationOnlyCallbacks(captured, navigations)]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.startTime - b.e.startTime || a.i - b.i)
    .map(({ e }) => e);

  const chains = new Map<string, RequestEvent[]>();
  for (const r of requests) {
    const chain = chains.get(r.requestId);
    if (chain) chain.push(r);
    else chains.set(r.requestId, [r]);
  }
  const prev = new Map<RequestEvent, RequestEvent>();
  const next = new Map<RequestEvent, RequestEvent>();
  for (const chain of chains.values()) {
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1]!;
      const b = chain[i]!;
      prev.set(b, a);
      next.set(a, b);
    }
  }

  const openers = new Map<number, number>();
  for (const n of navigations) if (n.event === 'created-target' && n.sourceTabId !== undefined) openers.set(n.tabId, n.sourceTabId);
  for (const r of requests) if (r.openerTabId !== undefined && !openers.has(r.tabId)) openers.set(r.tabId, r.openerTabId);

  const navsByTab = new Map<string, NavigationEvent[]>();
  for (const n of navigations) {
    if (!n.url.includes('#')) continue;
    const key = `${n.tabId}:${n.frameId}`;
    const list = navsByTab.get(key);
    if (list) list.push(n);
    else navsByTab.set(key, [n]);
  }

  function fullUrl(event: RequestEvent): string {
    if (event.url.includes('#')) return event.url;
    const before = prev.get(event);
    if (before?.redirectUrl && stripFragment(before.redirectUrl) === event.url) return before.redirectUrl;
    // Most captures (every HAR) have no navigation with a fragment: no key to build.
    const candidates = navsByTab.size === 0 ? [] : (navsByTab.get(`${event.tabId}:${event.frameId}`) ?? []);
    for (const n of candidates) {
      if (stripFragment(n.url) === event.url && n.time >= event.startTime - 1000 && n.time - event.startTime < FRAGMENT_WINDOW_MS) return n.url;
    }
    return event.url;
  }

  const lineages = new Map<number, number[]>();
  function lineage(tabId: number): number[] {
    let out = lineages.get(tabId);
    if (out) return out;
    out = [tabId];
    let current = openers.get(tabId);
    while (current !== undefined && !out.includes(current) && out.length < MAX_LINEAGE) {
      out.push(current);
      current = openers.get(current);
    }
    lineages.set(tabId, out);
    return out;
  }

  return {
    requests,
    previousHop: (e) => prev.get(e) ?? null,
    nextHop: (e) => next.get(e) ?? null,
    fullUrl,
    openerOf: (tabId) => openers.get(tabId) ?? null,
    contextOf: (e) => (e.frameId > 0 || e.type === 'sub_frame' ? 'iframe' : openers.has(e.tabId) ? 'popup' : 'top'),
    lineage,
  };
}
