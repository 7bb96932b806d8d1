import { OAuthLensError } from '../errors';
import { MAX_BODY_CHARS, type FoldingRecorder, type Header, type RequestEvent } from '../model/event';
import { headerValue, parseForm, safeUrl, stripFragment } from '../flow/params';
import { parseHarEntry } from './har-entry-read';
import { HarSchema, type Har, type HarEntry } from './har-schema';
import { hasNoResponse, pagesAreOneTab, redirectFoldingRecorder, redirectLocation, withoutNoResponseTwins } from './har-recorder-quirks';
import { firstIssue } from './zod-message';

/** Chrome's `_resourceType` names → webRequest resource types. */
const RESOURCE_TYPES: Record<string, string> = {
  document: 'main_frame',
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  script: 'script',
  stylesheet: 'stylesheet',
  image: 'image',
  font: 'font',
  media: 'media',
  websocket: 'websocket',
  ping: 'ping',
  other: 'other',
};

export function looksLikeHar(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const log = (value as { log?: unknown }).log;
  return typeof log === 'object' && log !== null && !Array.isArray(log);
}

/**
 * Validate entry by entry and stop at the first bad one: a huge broken file gets one message
 * quickly instead of millions of collected issues.
 */
export function parseHar(value: unknown): Har {
  const log = (value as { log?: { entries?: unknown } }).log;
  const entries = log?.entries;
  if (!Array.isArray(entries)) throw new OAuthLensError('bad-input', 'invalid HAR: har.log.entries: expected an array');
  const shell = HarSchema.safeParse({ log: { ...log, entries: [] } });
  if (!shell.success) throw new OAuthLensError('bad-input', `invalid HAR: ${firstIssue(shell.error, 'har')}`);
  const parsed: HarEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = parseHarEntry(entries[i]);
    if (!entry.success) throw new OAuthLensError('bad-input', `invalid HAR: ${firstIssue(entry.error, `har.log.entries[${i}]`)}`);
    parsed.push(entry.data);
  }
  return { log: { ...shell.data.log, entries: parsed } };
}

/** Resource type from `_resourceType`, else from Sec-Fetch-Dest/Mode (Firefox and Playwright HARs). */
export function resourceType(entry: HarEntry): { type: string; frameId: number } {
  const dest = headerValue(entry.request.headers, 'sec-fetch-dest');
  if (dest === 'iframe' || dest === 'frame') return { type: 'sub_frame', frameId: 1 };
  if (entry._resourceType) return { type: RESOURCE_TYPES[entry._resourceType] ?? entry._resourceType, frameId: 0 };
  if (dest === 'document') return { type: 'main_frame', frameId: 0 };
  if (dest === 'empty' || headerValue(entry.request.headers, 'sec-fetch-mode') === 'cors') return { type: 'xmlhttprequest', frameId: 0 };
  if (dest) return { type: dest, frameId: 0 };
  const accept = headerValue(entry.request.headers, 'accept') ?? '';
  return { type: accept.includes('text/html') ? 'main_frame' : 'other', frameId: 0 };
}

function truncate(text: string): { text: string; truncated: boolean } {
  return text.length > MAX_BODY_CHARS ? { text: text.slice(0, MAX_BODY_CHARS), truncated: true } : { text, truncated: false };
}

/** A `base64` body that does not decode is reported as such (issue 12), never dropped silently. */
function decodeContent(text: string, encoding: string | undefined): string | null {
  if (encoding !== 'base64') return text;
  try {
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/** The redirect target, resolved against the request URL (lib/trace/har-recorder-quirks.ts decides which hops redirect). */
function redirectTarget(entry: HarEntry): string | undefined {
  const raw = redirectLocation(entry);
  if (!raw) return undefined;
  try {
    return new URL(raw, entry.request.url).href;
  } catch {
    return raw;
  }
}

/**
 * The URL as a browser sends it: redirect targets are resolved with the URL parser, so the request
 * URL is too, or a HAR whose URLs hold unencoded characters (a sanitizer's "[state redacted]")
 * would never link a Location to the request it led to.
 */
function requestUrl(entry: HarEntry): string {
  return safeUrl(entry.request.url)?.href ?? entry.request.url;
}

/** `start` is `Date.parse(entry.startedDateTime)`, parsed once by the caller. */
function toEvent(entry: HarEntry, start: number, index: number, tabId: number, foldedBy: FoldingRecorder | undefined): RequestEvent {
  const { type, frameId } = resourceType(entry);
  const requestHeaders: Header[] = entry.request.headers;
  const event: RequestEvent = {
    kind: 'request',
    id: `h${index + 1}`,
    requestId: `h${index + 1}`,
    tabId,
    frameId,
    parentFrameId: frameId > 0 ? 0 : -1,
    type,
    method: entry.request.method,
    url: requestUrl(entry),
    requestHeaders,
    responseHeaders: entry.response.headers,
    startTime: Number.isFinite(start) ? start : 0,
  };
  if (entry.response.status > 0) event.status = entry.response.status;
  if (foldedBy) event.redirectsFoldedBy = foldedBy;
  if (entry.response.statusText) event.statusText = entry.response.statusText;
  if (entry.time !== undefined && Number.isFinite(start)) event.endTime = start + Math.max(0, entry.time);
  const redirect = redirectTarget(entry);
  if (redirect) event.redirectUrl = redirect;
  if (entry.response._error) event.error = entry.response._error;
  else if (hasNoResponse(entry)) event.error = 'no response (blocked, cancelled or failed)';
  const post = entry.request.postData;
  if (post) {
    const mime = post.mimeType ?? headerValue(requestHeaders, 'content-type') ?? '';
    if (post.text !== undefined && mime.includes('x-www-form-urlencoded')) event.requestBody = { kind: 'form', fields: parseForm(post.text) };
    else if (post.text !== undefined) event.requestBody = { kind: 'text', ...truncate(post.text) };
    else if (post.params) event.requestBody = { kind: 'form', fields: post.params.map((p) => ({ name: p.name, value: p.value ?? '' })) };
  }
  const content = entry.response.content;
  if (content?.text) {
    const decoded = decodeContent(content.text, content.encoding);
    const mime = content.mimeType ? { mimeType: content.mimeType } : {};
    event.responseBody = decoded === null ? { text: '', truncated: false, undecodable: true, source: 'har', ...mime } : { ...truncate(decoded), source: 'har', ...mime };
  }
  return event;
}

/**
 * HAR 1.2 → captured events. Each entry is one hop; hops are chained into one requestId when an
 * entry's redirect target is the URL of a later entry on the same page (HAR has no request ids).
 * `positions[i]` is entry i's place in the file when a streaming read left some entries out, so
 * event ids (`h<n>`) do not depend on what was left out.
 */
export function harToEvents(har: Har, positions?: readonly number[]): RequestEvent[] {
  const pageIds = new Map<string, number>();
  (har.log.pages ?? []).forEach((p, i) => pageIds.set(p.id, i + 1));
  const oneTab = pagesAreOneTab(har.log.creator?.name);
  const tabOf = (entry: HarEntry) => {
    if (oneTab || !entry.pageref) return 1;
    if (!pageIds.has(entry.pageref)) pageIds.set(entry.pageref, pageIds.size + 1);
    return pageIds.get(entry.pageref)!;
  };
  // Start times parsed once, not twice per comparison (a 10k-entry HAR sorted in ~20 ms less).
  // Entries in time order whatever the file's order, twins recorded without a response left out.
  const order = withoutNoResponseTwins(
    har.log.entries.map((entry, i) => ({ entry, i, t: Date.parse(entry.startedDateTime) })).sort((a, b) => a.t - b.t || a.i - b.i),
  );
  const foldedBy = redirectFoldingRecorder(har.log.creator?.name);
  const events = order.map(({ entry, i, t }) => toEvent(entry, t, positions?.[i] ?? i, tabOf(entry), foldedBy));
  linkRedirects(events);
  linkPopups(events);
  return events;
}

/**
 * Each redirect joins the first later, not yet joined hop of the same page at its target URL.
 * Candidates are queued per (page, URL), so this is linear in entries (issue 12).
 */
function linkRedirects(events: RequestEvent[]): void {
  const queues = new Map<string, { at: number[]; next: number }>();
  const keyOf = (tabId: number, url: string) => `${tabId} ${url}`;
  events.forEach((e, i) => {
    const key = keyOf(e.tabId, e.url);
    const queue = queues.get(key);
    if (queue) queue.at.push(i);
    else queues.set(key, { at: [i], next: 0 });
  });
  events.forEach((event, i) => {
    if (!event.redirectUrl) return;
    const queue = queues.get(keyOf(event.tabId, stripFragment(event.redirectUrl)));
    if (!queue) return;
    while (queue.next < queue.at.length && queue.at[queue.next]! <= i) queue.next++;
    if (queue.next >= queue.at.length) return;
    events[queue.at[queue.next++]!]!.requestId = event.requestId;
  });
}

/**
 * A page whose first document request is referred by another page is a popup of that page: the
 * opener is the page of the latest earlier request to the referrer's origin. Requests are indexed
 * by origin, and looked up by time with a binary search (issue 12: 20k pages took > 90 s).
 */
function linkPopups(events: RequestEvent[]): void {
  const firstOfTab = new Map<number, RequestEvent>();
  const byTab = new Map<number, RequestEvent[]>();
  const byOrigin = new Map<string, RequestEvent[]>();
  for (const e of events) {
    if (!firstOfTab.has(e.tabId)) firstOfTab.set(e.tabId, e);
    const tab = byTab.get(e.tabId);
    if (tab) tab.push(e);
    else byTab.set(e.tabId, [e]);
  }
  if (firstOfTab.size < 2) return;
  for (const e of events) {
    const origin = originKey(e.url);
    const list = byOrigin.get(origin);
    if (list) list.push(e);
    else byOrigin.set(origin, [e]);
  }
  for (const [tabId, first] of firstOfTab) {
    if (tabId === 1) continue;
    const referer = headerValue(first.requestHeaders, 'referer');
    if (!referer) continue;
    const candidates = byOrigin.get(originKey(referer));
    const opener = candidates ? latestBefore(candidates, first.startTime, tabId) : undefined;
    if (opener) for (const e of byTab.get(tabId)!) e.openerTabId = opener.tabId;
  }
}

/** The last of `list` (in event order) on another page that started at or before `time`. */
function latestBefore(list: readonly RequestEvent[], time: number, tabId: number): RequestEvent | undefined {
  if (!inTimeOrder(list)) {
    // Entries without a parseable start time leave the order unsorted: look at every one.
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.tabId !== tabId && list[i]!.startTime <= time) return list[i];
    return undefined;
  }
  // Events are in start-time order, so the last one at or before `time` is found by bisection.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.startTime <= time) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (list[i]!.tabId !== tabId) return list[i];
  return undefined;
}

const sortedLists = new WeakMap<readonly RequestEvent[], boolean>();

function inTimeOrder(list: readonly RequestEvent[]): boolean {
  let sorted = sortedLists.get(list);
  if (sorted === undefined) {
    sorted = list.every((e, i) => i === 0 || list[i - 1]!.startTime <= e.startTime);
    sortedLists.set(list, sorted);
  }
  return sorted;
}

/** The origin as the index key; every unparseable URL shares one key (they compared equal before). */
function originKey(url: string): string {
  return safeUrl(url)?.origin ?? '\u0000unparseable';
}
