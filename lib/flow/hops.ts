import type { CapturedEvent, NavigationEvent, RequestEvent } from '../model/event';
import type { StepContext } from '../model/flow';
import { stripFragment } from './params';

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
  const requests = events
    .filter((e): e is RequestEvent => e.kind === 'request')
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.startTime - b.e.startTime || a.i - b.i)
    .map(({ e }) => e);
  const navigations = events.filter((e): e is NavigationEvent => e.kind === 'navigation');

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
    const candidates = navsByTab.get(`${event.tabId}:${event.frameId}`) ?? [];
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
