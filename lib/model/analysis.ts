import * as z from 'zod';
import { FindingSchema } from './finding';
import { GrantSchema, OutcomeSchema, RecoveredFromSchema, StepContextSchema, StepKindSchema } from './flow';

/** The document `oauth-lens analyze --json` prints and the background answers with (docs/architecture.md "The analysis document"). */
export const StepReportSchema = z.object({
  kind: StepKindSchema,
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  /** When the step happened, in whole milliseconds since the epoch (formatted only where it is shown). */
  time: z.number(),
  observed: z.boolean(),
  tabId: z.number().int(),
  frameId: z.number().int(),
  context: StepContextSchema,
  eventId: z.string().nullable(),
  note: z.string().optional(),
  /** The browser never reported this step's answer; it was recovered from here (lib/flow/recovered.ts). */
  recovered: RecoveredFromSchema.optional(),
  /** The browser reported nothing of this step; the page did (lib/flow/page-only.ts): its method, headers and bodies are unknown. */
  seenByPageOnly: z.literal(true).optional(),
});
export type StepReport = z.infer<typeof StepReportSchema>;

export const FlowReportSchema = z.object({
  id: z.string(),
  grant: GrantSchema,
  clientId: z.string().nullable(),
  issuer: z.string().nullable(),
  redirectUri: z.string().nullable(),
  outcome: OutcomeSchema,
  /** Index of the step where a failed login broke (absent in reports written before it existed). */
  failedAt: z.number().int().nullable().optional(),
  /** When the flow started, in whole milliseconds since the epoch. */
  startTime: z.number(),
  steps: z.array(StepReportSchema),
  findings: z.array(FindingSchema),
  /** A brokered login's upstream leg: the id of the app's flow whose broker ran it (lib/flow/broker-link.ts; absent otherwise). */
  upstreamOf: z.string().optional(),
  /** A brokered login's app flow: the ids of its broker's upstream legs, in time order (absent otherwise). */
  upstreamLegs: z.array(z.string()).optional(),
});
export type FlowReport = z.infer<typeof FlowReportSchema>;

export const AnalysisReportSchema = z.object({
  /** 2: step and flow times are epoch milliseconds (version 1 had ISO strings). */
  version: z.literal(2),
  flows: z.array(FlowReportSchema),
  findings: z.array(FindingSchema),
});
export type AnalysisReport = z.infer<typeof AnalysisReportSchema>;
