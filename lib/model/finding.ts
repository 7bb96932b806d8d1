import * as z from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One observed value in a finding, so a UI can show both sides of a mismatch. */
export const EvidenceSchema = z.object({
  label: z.string(),
  value: z.string(),
  /** For mismatches: what the value was compared with. */
  expected: z.string().optional(),
  step: z.number().int().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const FindingSchema = z.object({
  check: z.string(),
  severity: SeveritySchema,
  title: z.string(),
  message: z.string(),
  cause: z.string(),
  fix: z.string(),
  spec: z.string(),
  /** Index into the flow's steps, or null when the finding is about the flow as a whole. */
  step: z.number().int().nullable(),
  evidence: z.array(EvidenceSchema).default([]),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Checks whose evidence lies outside the browser say so instead of guessing. */
export const CheckOutcomeSchema = z.enum(['fail', 'pass', 'not-observable', 'not-applicable']);
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;
