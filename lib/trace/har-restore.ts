import * as z from 'zod';
import { parseForm } from '../flow/params';
import { CapturedEventSchema, HeaderSchema, type CapturedEvent, type RequestEvent } from '../model/event';
import { navigationsFromHar, OAuthLensEntryExtSchema } from './har-export';

/** The parts of an entry written by `toHar` that restoring reads. */
const EntrySchema = z.object({
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(HeaderSchema),
    postData: z
      .object({ text: z.string().optional(), params: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional() })
      .optional(),
  }),
  response: z.object({
    statusText: z.string().optional(),
    headers: z.array(HeaderSchema),
    content: z.object({ text: z.string().optional() }).optional(),
  }),
  _oauthLens: OAuthLensEntryExtSchema,
});

/**
 * A HAR written by `toHar` back into the exact captured events (tabs, frames, request chains,
 * navigations), so trace → HAR → trace keeps every step. Returns null when the HAR is not ours
 * (an entry without a valid `_oauthLens` member); callers then use the generic HAR importer.
 */
export function eventsFromOAuthLensHar(value: unknown): CapturedEvent[] | null {
  const log = (value as { log?: { entries?: unknown; _oauthLensVersion?: unknown } } | null)?.log;
  if (!log || log._oauthLensVersion !== 1 || !Array.isArray(log.entries)) return null;
  const events: CapturedEvent[] = [];
  for (const raw of log.entries) {
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success) return null;
    const event = CapturedEventSchema.safeParse(restore(parsed.data));
    if (!event.success) return null;
    events.push(event.data);
  }
  events.push(...navigationsFromHar(log));
  return events;
}

function restore(entry: z.infer<typeof EntrySchema>): RequestEvent {
  const x = entry._oauthLens;
  const event: RequestEvent = {
    kind: 'request',
    id: x.id,
    requestId: x.requestId,
    tabId: x.tabId,
    frameId: x.frameId,
    parentFrameId: x.parentFrameId,
    type: x.type,
    method: entry.request.method,
    url: entry.request.url,
    requestHeaders: entry.request.headers,
    responseHeaders: x.locationAdded ? entry.response.headers.filter((h) => h.name !== 'Location') : entry.response.headers,
    startTime: x.startTime,
  };
  if (x.openerTabId !== undefined) event.openerTabId = x.openerTabId;
  if (x.initiator !== undefined) event.initiator = x.initiator;
  if (x.endTime !== undefined) event.endTime = x.endTime;
  if (x.status !== undefined) event.status = x.status;
  if (entry.response.statusText) event.statusText = entry.response.statusText;
  if (x.redirectUrl !== undefined) event.redirectUrl = x.redirectUrl;
  if (x.error !== undefined) event.error = x.error;
  if (x.fromCache !== undefined) event.fromCache = x.fromCache;
  if (x.recovered) event.recovered = x.recovered;
  if (x.startLost) event.startLost = x.startLost;
  if (x.seenByPageOnly) event.seenByPageOnly = x.seenByPageOnly;
  if (x.redirectsFoldedBy !== undefined) event.redirectsFoldedBy = x.redirectsFoldedBy;
  const post = entry.request.postData;
  if (x.requestBody === 'form') {
    event.requestBody = {
      kind: 'form',
      fields: post?.params ? post.params.map((p) => ({ name: p.name, value: p.value ?? '' })) : parseForm(post?.text ?? ''),
    };
  } else if (x.requestBody === 'text') {
    event.requestBody = { kind: 'text', text: post?.text ?? '', truncated: x.requestTruncated ?? false };
  }
  if (x.response) {
    event.responseBody = {
      text: entry.response.content?.text ?? '',
      truncated: x.response.truncated,
      source: x.response.source,
      ...(x.response.mimeType ? { mimeType: x.response.mimeType } : {}),
    };
  }
  return event;
}
