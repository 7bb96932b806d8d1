import * as z from 'zod';
import type { CaptureEngine } from './capture';
import type {
  BeforeRequestDetails,
  CreatedTargetDetails,
  ErrorDetails,
  HttpHeader,
  NavigationDetails,
  RedirectDetails,
  ResponseDetails,
  SendHeadersDetails,
  WebRequestBody,
} from './details';

/**
 * One browser event as the background's listeners receive it, as data: what `applyBrowserEvent`
 * hands to the capture engine, and what a worker instance that has not restored the stored
 * capture yet keeps in its inbox (issue 17 point 6).
 *
 * Why an inbox: a freshly started MV3 worker applies nothing until it has read the stored capture
 * back (the hop ids of a redirect chain depend on it), which takes a storage round trip — 100–200
 * ms on a loaded machine. Chromium 156 was seen stopping an instance in that window after its
 * listeners had run (capture.test.ts "twenty worker stops"): every event of the window was lost
 * with it. The raw events are therefore written as they arrive, and whichever instance restores
 * next replays those no journal entry has consumed.
 */
export type BrowserEvent =
  | { on: 'before-request'; d: BeforeRequestDetails }
  | { on: 'send-headers'; d: SendHeadersDetails }
  | { on: 'headers-received'; d: ResponseDetails }
  | { on: 'before-redirect'; d: RedirectDetails }
  | { on: 'completed'; d: ResponseDetails }
  | { on: 'error'; d: ErrorDetails }
  | { on: 'committed'; d: NavigationDetails }
  | { on: 'fragment-updated'; d: NavigationDetails }
  | { on: 'history-state-updated'; d: NavigationDetails }
  | { on: 'created-target'; d: CreatedTargetDetails }
  | { on: 'tab-removed'; tabId: number; time: number };

/**
 * Apply one event. Navigation events come for every site: those of sites outside site access are
 * dropped unread (`allows`, asked when the event is applied, after the granted sites are known).
 */
export function applyBrowserEvent(engine: CaptureEngine, event: BrowserEvent, allows: (url: string) => boolean): void {
  switch (event.on) {
    case 'before-request':
      return void engine.beforeRequest(event.d);
    case 'send-headers':
      return engine.sendHeaders(event.d);
    case 'headers-received':
      return engine.headersReceived(event.d);
    case 'before-redirect':
      return engine.beforeRedirect(event.d);
    case 'completed':
      return engine.completed(event.d);
    case 'error':
      return engine.errorOccurred(event.d);
    case 'committed':
      return allows(event.d.url) ? engine.committed(event.d) : undefined;
    case 'fragment-updated':
      return allows(event.d.url) ? engine.fragmentUpdated(event.d) : undefined;
    case 'history-state-updated':
      return allows(event.d.url) ? engine.historyStateUpdated(event.d) : undefined;
    case 'created-target':
      return allows(event.d.url) ? engine.createdTarget(event.d) : undefined;
    case 'tab-removed':
      return engine.tabRemoved(event.tabId, event.time);
  }
}

// ── the inbox in storage.session ──

export const INBOX_KEY_PREFIX = 'in:';
/** Names inbox keys a journal write has consumed: removed together with them. */
export const CONSUMED_KEY_PREFIX = 'used:';

export function inboxKey(at: number, writer: string, seq: number): string {
  return `${INBOX_KEY_PREFIX}${Math.max(0, Math.floor(at)).toString(36).padStart(10, '0')}:${writer}:${seq.toString(36).padStart(6, '0')}`;
}

/** Bytes of a raw request body kept in the inbox: what `toRequestBody` decodes at most, with room. */
const MAX_STORED_BODY_BYTES = 256 * 1024;

const bytesOf = (value: ArrayBuffer | ArrayBufferView | ArrayLike<number>): number[] => {
  const view = ArrayBuffer.isView(value)
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : Uint8Array.from(value);
  return Array.from(view.subarray(0, MAX_STORED_BODY_BYTES));
};
const decoder = new TextDecoder();

/** A request body as plain data: form values as text, raw parts as byte arrays (bounded). */
function storableBody(body: WebRequestBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body.error !== undefined) out.error = body.error;
  if (body.formData) {
    out.formData = Object.fromEntries(
      Object.entries(body.formData).map(([name, values]) => [name, (values ?? []).map((v) => (typeof v === 'string' ? v : decoder.decode(v)))]),
    );
  }
  // Numbers survive storage's JSON-like serialization; an ArrayBuffer would arrive as {}.
  if (body.raw) out.raw = body.raw.map((p) => (p.bytes ? { bytes: bytesOf(p.bytes) } : { file: p.file }));
  return out;
}

/** The event as plain data that storage keeps as it is (no ArrayBuffer). */
export function storableEvent(event: BrowserEvent): Record<string, unknown> {
  if (event.on === 'tab-removed') return event;
  const d: Record<string, unknown> = { ...event.d };
  if (d.requestBody) d.requestBody = storableBody(d.requestBody as WebRequestBody);
  else delete d.requestBody;
  for (const side of ['requestHeaders', 'responseHeaders'] as const) {
    const headers = d[side] as HttpHeader[] | undefined;
    if (headers) d[side] = headers.map((h) => (h.binaryValue === undefined ? h : { ...h, binaryValue: bytesOf(h.binaryValue) }));
  }
  return { on: event.on, d };
}

// Validation of what an inbox holds: the fields capture relies on; anything else passes as is.
const Header = z.looseObject({ name: z.string(), value: z.string().optional(), binaryValue: z.array(z.number()).optional() });
const Base = z.looseObject({
  requestId: z.string(),
  url: z.string(),
  method: z.string(),
  tabId: z.number(),
  frameId: z.number(),
  type: z.string(),
  timeStamp: z.number(),
  requestHeaders: z.array(Header).optional(),
  responseHeaders: z.array(Header).optional(),
});
const Response = Base.extend({ statusCode: z.number() });
const Body = z.looseObject({
  error: z.string().optional(),
  formData: z.record(z.string(), z.array(z.string())).optional(),
  raw: z.array(z.looseObject({ bytes: z.array(z.number()).optional(), file: z.string().optional() })).optional(),
});
const Navigation = z.looseObject({ tabId: z.number(), frameId: z.number(), url: z.string(), timeStamp: z.number() });

const StoredEventSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('before-request'), d: Base.extend({ requestBody: Body.nullable().optional() }) }),
  z.object({ on: z.literal('send-headers'), d: Base }),
  z.object({ on: z.literal('headers-received'), d: Response }),
  z.object({ on: z.literal('before-redirect'), d: Response.extend({ redirectUrl: z.string() }) }),
  z.object({ on: z.literal('completed'), d: Response }),
  z.object({ on: z.literal('error'), d: Base.extend({ error: z.string() }) }),
  z.object({ on: z.literal('committed'), d: Navigation }),
  z.object({ on: z.literal('fragment-updated'), d: Navigation }),
  z.object({ on: z.literal('history-state-updated'), d: Navigation }),
  z.object({ on: z.literal('created-target'), d: z.looseObject({ sourceTabId: z.number(), tabId: z.number(), url: z.string(), timeStamp: z.number() }) }),
  z.object({ on: z.literal('tab-removed'), tabId: z.number(), time: z.number() }),
]);

export const InboxEntrySchema = z.object({ at: z.number(), events: z.array(StoredEventSchema) });
export interface InboxEntry {
  at: number;
  events: BrowserEvent[];
}

export const ConsumedSchema = z.object({ keys: z.array(z.string()) });

/** A stored entry's events back as the listeners gave them (raw body bytes as a Uint8Array again). */
export function inboxEvents(entry: z.infer<typeof InboxEntrySchema>): BrowserEvent[] {
  return entry.events.map((event) => {
    if (event.on !== 'before-request' || !event.d.requestBody?.raw) return event as BrowserEvent;
    const raw = event.d.requestBody.raw.map((p) => (p.bytes ? { bytes: Uint8Array.from(p.bytes) } : { file: p.file }));
    return { ...event, d: { ...event.d, requestBody: { ...event.d.requestBody, raw } } } as BrowserEvent;
  });
}
