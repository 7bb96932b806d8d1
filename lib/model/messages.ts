import * as z from 'zod';
import { AnalysisReportSchema } from './analysis';
import { CapturedEventSchema } from './event';
import { PANEL_PORT_NAME } from './port-name';
import { isTabStateResponse, type TabStateResponse } from './popup-state';
import { TraceV1Schema } from './trace';

export { PANEL_PORT_NAME };

/**
 * Every message between the background and its clients (docs/architecture.md "Messages").
 * One discriminated union per direction; every receiver `safeParse`s and answers a malformed
 * message with `{ ok: false, error }` (runtime) or drops it (ports).
 */

const TabIdSchema = z.number().int();

// ── runtime.sendMessage: every extension page (panel, viewer, e2e tests) → background ──

export const AnalysisRequestSchema = z.object({ type: z.literal('analysis'), tabId: TabIdSchema.optional() });
export const ExportTraceRequestSchema = z.object({
  type: z.literal('export-trace'),
  tabId: TabIdSchema.optional(),
  /** Redacted unless explicitly `false` (docs/trace-format.md "Redaction": on by default for every export). */
  redact: z.boolean().optional(),
});

/** The toolbar popup: one line per flow of the tab and whether its capture is paused (popup-state.ts). */
export const TabStateRequestSchema = z.object({ type: z.literal('tab-state'), tabId: TabIdSchema });

export const RuntimeRequestSchema = z.discriminatedUnion('type', [AnalysisRequestSchema, ExportTraceRequestSchema, TabStateRequestSchema]);
export type RuntimeRequest = z.infer<typeof RuntimeRequestSchema>;

export const AnalysisResponseSchema = z.object({ ok: z.literal(true), analysis: AnalysisReportSchema });
export const ExportTraceResponseSchema = z.object({ ok: z.literal(true), trace: TraceV1Schema });
/** The popup's rows and paused flag, checked by popup-state.ts (the popup bundles that check, not zod). */
export const TabStateResponseSchema = z.custom<TabStateResponse>(isTabStateResponse, 'not a tab-state answer (popup-state.ts)');
export const ErrorResponseSchema = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const RuntimeResponseSchema = z.union([TabStateResponseSchema, AnalysisResponseSchema, ExportTraceResponseSchema, ErrorResponseSchema]);
export type RuntimeResponse = z.infer<typeof RuntimeResponseSchema>;

// ── runtime.connect port: panel → background ──

/** A response body the panel read through `devtools.network` (`getContent`), which webRequest cannot see. */
export const AttachedBodySchema = z.object({
  text: z.string(),
  mimeType: z.string().optional(),
  truncated: z.boolean().optional(),
});

export const PanelMessageSchema = z.discriminatedUnion('type', [
  /** Start (or restart, after a worker restart) receiving this tab: a snapshot, then increments. */
  z.object({ type: z.literal('panel/subscribe'), tabId: TabIdSchema }),
  z.object({ type: z.literal('panel/clear'), tabId: TabIdSchema }),
  z.object({ type: z.literal('panel/pause'), tabId: TabIdSchema }),
  z.object({ type: z.literal('panel/resume'), tabId: TabIdSchema }),
  z.object({ type: z.literal('panel/preserve'), tabId: TabIdSchema, preserve: z.boolean() }),
  z.object({
    type: z.literal('panel/attach-body'),
    tabId: TabIdSchema,
    url: z.string(),
    method: z.string(),
    /** Epoch ms of the request as devtools saw it; picks the nearest hop when a URL repeats. */
    startTime: z.number().optional(),
    body: AttachedBodySchema,
  }),
  /**
   * The user's per-click opt-in (issue 4): fetch the discovery document and same-origin JWKS of
   * each flow's own issuer that the capture lacks, and add them to this tab's capture.
   */
  z.object({ type: z.literal('panel/fetch-metadata'), tabId: TabIdSchema }),
]);
export type PanelMessage = z.infer<typeof PanelMessageSchema>;

// ── runtime.connect port: background → panel ──

/** State of one tab's capture that the panel shows next to its flows. */
const TabStateFields = {
  tabId: TabIdSchema,
  analysis: AnalysisReportSchema,
  /** Why some events are gone (eviction); the panel shows it as a banner. */
  notice: z.string().optional(),
  paused: z.boolean(),
  preserve: z.boolean(),
};

export const BackgroundMessageSchema = z.discriminatedUnion('type', [
  /** Every event of the tab (and of popups it opened), oldest first. Replaces what the panel had. */
  z.object({ type: z.literal('flows/snapshot'), events: z.array(CapturedEventSchema), ...TabStateFields }),
  /** Events added or changed since the last message (upsert by `id`), and ids that were evicted. */
  z.object({
    type: z.literal('flows/updated'),
    upserted: z.array(CapturedEventSchema),
    removed: z.array(z.string()),
    ...TabStateFields,
  }),
]);
export type BackgroundMessage = z.infer<typeof BackgroundMessageSchema>;
