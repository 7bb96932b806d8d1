import * as z from 'zod';
import { CapturedEventSchema } from './event';

export const TRACE_FORMAT = 'oauth-lens-trace';

/** What an export did to secrets, so a reader knows tags are not values (docs/trace-format.md "Redaction manifest"). */
export const RedactionManifestSchema = z.object({
  redacted: z.boolean(),
  tagLength: z.number().int().optional(),
  fields: z.array(z.string()).default([]),
  /** Results computed from raw values before they were removed (docs/trace-format.md "Derived relations"). */
  derived: z.array(z.record(z.string(), z.union([z.string(), z.boolean(), z.number()]))).default([]),
});
export type RedactionManifest = z.infer<typeof RedactionManifestSchema>;

export const TraceV1Schema = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  redaction: RedactionManifestSchema,
  events: z.array(CapturedEventSchema),
});
export type TraceV1 = z.infer<typeof TraceV1Schema>;
