import type { FoldingRecorder } from '../model/event';
import type { HarEntry } from './har-schema';

/**
 * What recorders other than Chrome write into a HAR that the importer must see through (issue 17
 * point 3). Each rule names the recorder shape it is for; test/fixtures/recorders holds one HAR per shape.
 */

/** An entry in file order, with its parsed start time. */
export interface OrderedEntry {
  entry: HarEntry;
  /** Position in the file (event ids depend on it). */
  i: number;
  t: number;
}

/**
 * A request recorded twice is one request: a provisional or aborted record with status 0 and no
 * response headers is dropped when the same page has the same method and URL with a real response
 * within this window. Headless automation recorders and aborted navigations write such twins
 * before the real entry; left in, the twin of an authorization request opened a second flow that
 * "never reached its callback".
 */
const TWIN_WINDOW_MS = 5_000;

/** No response at all: status 0 and not one response header (HAR 1.2 §response: status 0 = none). */
export function hasNoResponse(entry: HarEntry): boolean {
  return entry.response.status === 0 && entry.response.headers.length === 0;
}

function twinKey(entry: HarEntry): string {
  return `${entry.pageref ?? ''}\u0000${entry.request.method.toUpperCase()}\u0000${entry.request.url}`;
}

/** `ordered` without the no-response twins of answered entries (order kept). */
export function withoutNoResponseTwins(ordered: readonly OrderedEntry[]): OrderedEntry[] {
  // Most HARs have no entry without a response: nothing to look up then.
  if (!ordered.some((o) => hasNoResponse(o.entry))) return [...ordered];
  const answered = new Map<string, number[]>();
  for (const o of ordered) {
    if (hasNoResponse(o.entry)) continue;
    const key = twinKey(o.entry);
    const times = answered.get(key);
    if (times) times.push(o.t);
    else answered.set(key, [o.t]);
  }
  if (answered.size === 0) return [...ordered];
  return ordered.filter((o) => {
    if (!hasNoResponse(o.entry)) return true;
    const times = answered.get(twinKey(o.entry));
    if (!times) return true;
    // An entry without a parseable time cannot be placed: with an answered twin it is the same request.
    return !times.some((t) => !Number.isFinite(o.t) || !Number.isFinite(t) || Math.abs(t - o.t) <= TWIN_WINDOW_MS);
  });
}

/**
 * Is this entry a redirect? A 3xx, or a status-0 hop that still carries a Location (recorders that
 * keep a hop's headers but not its status). `redirectURL` stands in when the Location header is
 * missing; the Location header wins when both exist, as it keeps the fragment.
 */
export function redirectLocation(entry: HarEntry): string | undefined {
  const status = entry.response.status;
  const location = entry.response.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
  if (status === 0) return location || undefined;
  if (status < 300 || status >= 400) return undefined;
  return location || entry.response.redirectURL || undefined;
}

/**
 * The recorder writes one entry per redirect chain, or undefined. Safari's Web Inspector (creator
 * "WebKit Web Inspector", WebInspectorUI `HARBuilder.creator()`) exports one entry per Resource,
 * and a Resource follows its redirects (`Resource.updateForRedirectResponse` moves it to the new
 * URL and keeps the first request's method): the 302 hops of a login (authorize → login →
 * callback) are in no entry. Epiphany and other WebKit browsers share that inspector and name.
 */
export function redirectFoldingRecorder(creatorName: string | undefined): FoldingRecorder | undefined {
  return creatorName?.trim().toLowerCase() === 'webkit web inspector' ? 'safari' : undefined;
}

/**
 * Browser DevTools exports record one tab: DevTools is opened per tab, and a popup is another
 * target with DevTools of its own. Their `pages` are the successive documents of that tab (Chrome,
 * Edge and Brave, creator "WebInspector", start a page at each top-level navigation; Safari's Web
 * Inspector and Firefox's Network Monitor likewise), not tabs: read as tabs, a login that moved
 * from the app to the provider in one tab was shown as a popup. Playwright's and OAuth Lens's own
 * exports write one page per tab.
 */
const ONE_TAB_RECORDERS = new Set(['webinspector', 'webkit web inspector', 'firefox']);

export function pagesAreOneTab(creatorName: string | undefined): boolean {
  return creatorName !== undefined && ONE_TAB_RECORDERS.has(creatorName.trim().toLowerCase());
}
