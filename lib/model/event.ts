import * as z from 'zod';

/**
 * A raw captured event: what the browser (webRequest, webNavigation, devtools.network) or an
 * imported HAR showed us. Conclusions are never stored here; analysis is recomputed from events.
 */

/** Upper bound for a captured text body (request or response), in characters. */
export const MAX_BODY_CHARS = 256 * 1024;

export const HeaderSchema = z.object({ name: z.string(), value: z.string() });
export type Header = z.infer<typeof HeaderSchema>;

/** A name/value pair in the order it appeared; duplicates are kept (they are evidence). */
export const ParamSchema = z.object({ name: z.string(), value: z.string() });
export type Param = z.infer<typeof ParamSchema>;

export const RequestBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('form'), fields: z.array(ParamSchema) }),
  z.object({ kind: z.literal('text'), text: z.string(), truncated: z.boolean().default(false) }),
]);
export type RequestBody = z.infer<typeof RequestBodySchema>;

/** Where a response body came from; `page-text` is the visible text of a live error page (lib/capture/page-text.ts), not the HTTP body. */
export const BodySourceSchema = z.enum(['devtools', 'filter-response-data', 'page-text', 'har', 'import']);

export const ResponseBodySchema = z.object({
  text: z.string(),
  mimeType: z.string().optional(),
  truncated: z.boolean().default(false),
  /** The recorder gave a body that could not be decoded (e.g. invalid base64 in a HAR): `text` is empty. */
  undecodable: z.literal(true).optional(),
  source: BodySourceSchema,
});
export type ResponseBody = z.infer<typeof ResponseBodySchema>;

/** HAR recorders that fold a redirect chain into one entry (issue 17 point 3). */
export const FoldingRecorderSchema = z.enum(['safari']);
export type FoldingRecorder = z.infer<typeof FoldingRecorderSchema>;

/**
 * Where a hop's lost answer was read back from (lib/capture/recovery.ts). Chromium drops the
 * webRequest events of an MV3 worker stopped at the wrong moment (issue 17 point 6); the page
 * still knows how its own document (Navigation Timing) or its own fetches (Resource Timing) were
 * answered. Only the status is known that way: no headers, no body, no redirect target.
 */
export const RecoveredAnswerSchema = z.object({
  from: z.enum(['navigation-timing', 'resource-timing']),
  status: z.number().int(),
  /** When the response arrived, as the page measured it (epoch ms). */
  at: z.number(),
  /**
   * A document only: when the navigation that ended in it began (epoch ms), redirects included;
   * the hop's own `startTime` is the fetch of the document itself (lib/capture/page-only.ts).
   */
  navigationStart: z.number().optional(),
});
export type RecoveredAnswer = z.infer<typeof RecoveredAnswerSchema>;

/**
 * Resource types as webRequest names them (main_frame, sub_frame, xmlhttprequest, …); HAR
 * imports map `_resourceType` onto the same names. Unknown strings are kept as they are.
 */
export const ResourceTypeSchema = z.string();

/**
 * One HTTP request hop. A redirect chain becomes several events sharing `requestId`: each hop
 * ends with its status and `redirectUrl` (the Location, fragment included).
 */
export const RequestEventSchema = z.object({
  kind: z.literal('request'),
  id: z.string(),
  requestId: z.string(),
  tabId: z.number().int(),
  frameId: z.number().int().default(0),
  parentFrameId: z.number().int().default(-1),
  openerTabId: z.number().int().optional(),
  type: ResourceTypeSchema,
  initiator: z.string().optional(),
  method: z.string(),
  url: z.string(),
  requestHeaders: z.array(HeaderSchema).optional(),
  requestBody: RequestBodySchema.optional(),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
  responseHeaders: z.array(HeaderSchema).optional(),
  redirectUrl: z.string().optional(),
  /** Epoch milliseconds. */
  startTime: z.number(),
  endTime: z.number().optional(),
  error: z.string().optional(),
  fromCache: z.boolean().optional(),
  responseBody: ResponseBodySchema.optional(),
  /**
   * The browser never reported this hop's start (onBeforeRequest), only its later events: the hop
   * was rebuilt from those (lib/capture/recorder.ts `rebuildOrphans`). Its request body is
   * unknown and `startTime` is that of its first later event.
   */
  startLost: z.literal(true).optional(),
  /** The answer read back from the page when the browser never reported it; `status` above, when present, wins. */
  recovered: RecoveredAnswerSchema.optional(),
  /**
   * The browser reported nothing of this hop; the page listed it in its Navigation or Resource
   * Timing (lib/capture/page-only.ts, lib/flow/page-only.ts). URL, times and `recovered` come from
   * the page; `method` is '' (unknown) and there are no headers or bodies.
   */
  seenByPageOnly: z.literal(true).optional(),
  /**
   * Set by the analysis only, never stored (lib/flow/continued.ts): the page shows that the
   * navigation this hop belonged to went on to another document, so it was answered with a
   * redirect, although the browser never reported that answer.
   */
  redirectedOn: z.literal(true).optional(),
  /**
   * Set by the analysis only, never stored (lib/flow/continued.ts): the browser reported nothing
   * of this hop; the hop before it was reported redirecting here, and the navigation went on.
   */
  announced: z.literal(true).optional(),
  /**
   * Set at HAR import when the recorder writes one entry per redirect chain (Safari's Web
   * Inspector): the hops before this request's final URL are not in the file, so its method may
   * be the first hop's and the steps between are missing (lib/trace/har-recorder-quirks.ts).
   */
  redirectsFoldedBy: FoldingRecorderSchema.optional(),
});
export type RequestEvent = z.infer<typeof RequestEventSchema>;

/**
 * A navigation seen by webNavigation. Needed for fragments (never on the wire) and for the
 * popup opener chain (`created-target` carries `sourceTabId`).
 */
export const NavigationEventSchema = z.object({
  kind: z.literal('navigation'),
  id: z.string(),
  event: z.enum(['committed', 'fragment', 'history-state', 'created-target', 'tab-removed']),
  tabId: z.number().int(),
  frameId: z.number().int().default(0),
  parentFrameId: z.number().int().default(-1),
  sourceTabId: z.number().int().optional(),
  url: z.string(),
  transitionType: z.string().optional(),
  time: z.number(),
});
export type NavigationEvent = z.infer<typeof NavigationEventSchema>;

export const CapturedEventSchema = z.discriminatedUnion('kind', [RequestEventSchema, NavigationEventSchema]);
export type CapturedEvent = z.infer<typeof CapturedEventSchema>;

export function eventTime(event: CapturedEvent): number {
  return event.kind === 'request' ? event.startTime : event.time;
}
