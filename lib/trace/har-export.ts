import type { Entry, Header as HarHeader, Log, Param as HarParam, PostDataCommon, Request as HarRequest } from 'har-format';
import * as z from 'zod';
import { PAGE_ONLY_NOTE } from '../flow/page-only';
import { headerValue, parseForm } from '../flow/params';
import { isoTime } from '../format/time';
import { BodySourceSchema, FoldingRecorderSchema, NavigationEventSchema, RecoveredAnswerSchema, type CapturedEvent, type NavigationEvent, type RequestEvent } from '../model/event';
import type { RedactionManifest } from '../model/trace';
import { TOOL } from './trace-v1';

/**
 * Captured events → HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) that Chrome
 * DevTools' "Import HAR" accepts. Each redirect hop is its own entry with its status, Location
 * header and `redirectURL`, as DevTools itself exports them. What HAR has no field for (tab,
 * frame, request chain, body provenance, navigations) rides in custom fields prefixed
 * `_oauthLens`, so `eventsFromOAuthLensHar` can restore the events exactly.
 */

/** Per-entry extension: the event fields HAR cannot express. */
export const OAuthLensEntryExtSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  tabId: z.number().int(),
  frameId: z.number().int(),
  parentFrameId: z.number().int(),
  openerTabId: z.number().int().optional(),
  type: z.string(),
  initiator: z.string().optional(),
  startTime: z.number(),
  endTime: z.number().optional(),
  status: z.number().int().optional(),
  redirectUrl: z.string().optional(),
  error: z.string().optional(),
  fromCache: z.boolean().optional(),
  redirectsFoldedBy: FoldingRecorderSchema.optional(),
  requestBody: z.enum(['form', 'text']).optional(),
  /** The Location header was added from redirectUrl (the capture had none); restoring drops it. */
  locationAdded: z.boolean().optional(),
  requestTruncated: z.boolean().optional(),
  /** An answer the browser never reported, read back from the page (lib/capture/recovery.ts); `response.status` shows it when the hop has no own status. */
  recovered: RecoveredAnswerSchema.optional(),
  /** The browser never reported this request's start; rebuilt from its later events. */
  startLost: z.literal(true).optional(),
  /** The browser reported nothing of this request; the page saw it (lib/flow/page-only.ts): `request.method` is '' (unknown), no headers or bodies. */
  seenByPageOnly: z.literal(true).optional(),
  response: z.object({ source: BodySourceSchema, truncated: z.boolean(), mimeType: z.string().optional() }).optional(),
});
export type OAuthLensEntryExt = z.infer<typeof OAuthLensEntryExtSchema>;

/** DevTools writes form bodies with both `params` and `text`; @types/har-format allows only one. */
export type HarPostData = PostDataCommon & { text?: string; params?: HarParam[] };

export type OAuthLensEntry = Omit<Entry, 'request' | '_resourceType'> & {
  request: Omit<HarRequest, 'postData'> & { postData?: HarPostData };
  _resourceType: string;
  _oauthLens: OAuthLensEntryExt;
};

export interface OAuthLensHar {
  log: Omit<Log, 'entries'> & {
    entries: OAuthLensEntry[];
    _redacted: boolean;
    _oauthLensVersion: 1;
    _oauthLensNavigations: NavigationEvent[];
    /** The redaction manifest, so a re-imported redacted HAR keeps its derived relations (docs/trace-format.md "Derived relations"). */
    _oauthLensRedaction?: RedactionManifest;
  };
}

export interface HarExportOptions {
  /** Sets `log._redacted` (docs/trace-format.md "Redaction manifest") so a redacted export is not mistaken for a raw HAR. */
  redacted?: boolean;
  /** The manifest of the redacted events (redactTrace / redactEvents), written to `log._oauthLensRedaction`. */
  redaction?: RedactionManifest;
}

export function toHar(events: readonly CapturedEvent[], options: HarExportOptions = {}): OAuthLensHar {
  const requests = events.filter((e): e is RequestEvent => e.kind === 'request');
  const navigations = events.filter((e): e is NavigationEvent => e.kind === 'navigation');
  const tabs = [...new Set(requests.map((r) => r.tabId))];
  const firstTime = (tab: number) => Math.min(...requests.filter((r) => r.tabId === tab).map((r) => r.startTime));
  return {
    log: {
      version: '1.2',
      creator: { name: TOOL.name, version: TOOL.version },
      pages: tabs.map((tab) => ({
        id: `tab-${tab}`,
        startedDateTime: isoTime(firstTime(tab)),
        title: `Tab ${tab}`,
        pageTimings: {},
      })),
      entries: requests.map(toEntry),
      _redacted: options.redacted === true,
      _oauthLensVersion: 1,
      _oauthLensNavigations: navigations,
      ...(options.redaction ? { _oauthLensRedaction: options.redaction } : {}),
    },
  };
}

function toEntry(e: RequestEvent): OAuthLensEntry {
  const time = e.endTime !== undefined ? Math.max(0, e.endTime - e.startTime) : 0;
  const responseHeaders: HarHeader[] = [...(e.responseHeaders ?? [])];
  // A hop that redirected must carry its Location, even if the capture lost the header.
  const locationAdded = e.redirectUrl !== undefined && headerValue(responseHeaders, 'location') === null;
  if (locationAdded && e.redirectUrl) responseHeaders.push({ name: 'Location', value: e.redirectUrl });
  const ext: OAuthLensEntryExt = {
    id: e.id,
    requestId: e.requestId,
    tabId: e.tabId,
    frameId: e.frameId,
    parentFrameId: e.parentFrameId,
    type: e.type,
    startTime: e.startTime,
    ...(e.openerTabId !== undefined ? { openerTabId: e.openerTabId } : {}),
    ...(e.initiator !== undefined ? { initiator: e.initiator } : {}),
    ...(e.endTime !== undefined ? { endTime: e.endTime } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.redirectUrl !== undefined ? { redirectUrl: e.redirectUrl } : {}),
    ...(e.error !== undefined ? { error: e.error } : {}),
    ...(e.fromCache !== undefined ? { fromCache: e.fromCache } : {}),
    ...(e.redirectsFoldedBy !== undefined ? { redirectsFoldedBy: e.redirectsFoldedBy } : {}),
    ...(e.requestBody ? { requestBody: e.requestBody.kind } : {}),
    ...(locationAdded ? { locationAdded } : {}),
    ...(e.requestBody?.kind === 'text' ? { requestTruncated: e.requestBody.truncated } : {}),
    ...(e.recovered ? { recovered: e.recovered } : {}),
    ...(e.startLost ? { startLost: e.startLost } : {}),
    ...(e.seenByPageOnly ? { seenByPageOnly: e.seenByPageOnly } : {}),
    ...(e.responseBody
      ? { response: { source: e.responseBody.source, truncated: e.responseBody.truncated, ...(e.responseBody.mimeType ? { mimeType: e.responseBody.mimeType } : {}) } }
      : {}),
  };
  const body = e.responseBody?.text;
  const mimeType = e.responseBody?.mimeType ?? headerValue(e.responseHeaders, 'content-type') ?? 'x-unknown';
  const postData = toPostData(e);
  return {
    pageref: `tab-${e.tabId}`,
    startedDateTime: isoTime(e.startTime),
    time,
    request: {
      method: e.method,
      url: e.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [...(e.requestHeaders ?? [])],
      queryString: queryString(e.url),
      headersSize: -1,
      bodySize: postData?.text !== undefined ? postData.text.length : postData ? -1 : 0,
      ...(postData ? { postData } : {}),
    },
    response: {
      status: e.status ?? e.recovered?.status ?? 0,
      statusText: e.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders,
      content: { size: body?.length ?? 0, mimeType, ...(body !== undefined ? { text: body } : {}) },
      redirectURL: e.redirectUrl ?? '',
      headersSize: -1,
      bodySize: body?.length ?? -1,
      ...(e.error !== undefined ? { _error: e.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _resourceType: chromeResourceType(e.type),
    // A HAR reader that knows nothing of _oauthLens still reads why method and headers are empty.
    ...(e.seenByPageOnly ? { comment: PAGE_ONLY_NOTE } : {}),
    _oauthLens: ext,
  };
}

/** Form bodies as params and text (both, as DevTools writes them); other bodies as text. */
function toPostData(e: RequestEvent): HarPostData | undefined {
  const body = e.requestBody;
  if (!body) return undefined;
  if (body.kind === 'form') {
    const text = new URLSearchParams(body.fields.map((f) => [f.name, f.value])).toString();
    return { mimeType: 'application/x-www-form-urlencoded', params: body.fields.map((f) => ({ name: f.name, value: f.value })), text };
  }
  const mimeType = headerValue(e.requestHeaders, 'content-type') ?? 'text/plain';
  if (mimeType.includes('x-www-form-urlencoded')) return { mimeType, params: parseForm(body.text), text: body.text };
  return { mimeType, text: body.text };
}

function queryString(url: string): Array<{ name: string; value: string }> {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return parseForm(url.slice(q + 1, hash < 0 ? undefined : hash));
}

/** webRequest resource types → the `_resourceType` names Chrome DevTools writes and reads. */
function chromeResourceType(type: string): string {
  const map: Record<string, string> = { main_frame: 'document', sub_frame: 'document', xmlhttprequest: 'fetch' };
  return map[type] ?? type;
}

/** Navigation events carried in `log._oauthLensNavigations`; invalid ones are dropped. */
export function navigationsFromHar(log: unknown): NavigationEvent[] {
  const list = (log as { _oauthLensNavigations?: unknown } | null)?._oauthLensNavigations;
  if (!Array.isArray(list)) return [];
  return list.flatMap((n) => {
    const parsed = NavigationEventSchema.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
}
