import * as z from 'zod';
import type { AnalysisReport } from '../model/analysis';
import type { CapturedEvent } from '../model/event';

/**
 * Messages between the page and the import worker. The worker is ours, but the boundary is
 * still checked; the result's events were validated by lib/trace/load inside the worker, so
 * they are only shape-checked here (validating 100k events twice would double the wait).
 */
export const WorkerRequestSchema = z.object({
  type: z.literal('import'),
  file: z.custom<Blob & { name: string }>((v) => typeof Blob !== 'undefined' && v instanceof Blob),
  maxBytes: z.number().int().positive(),
});
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

const ProgressSchema = z.object({ phase: z.enum(['reading', 'parsing', 'analyzing']), loaded: z.number(), total: z.number() });

export const WorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: ProgressSchema }),
  z.object({
    type: z.literal('done'),
    result: z.object({
      name: z.string(),
      kind: z.enum(['trace', 'har', 'link']),
      events: z.custom<CapturedEvent[]>((v) => Array.isArray(v)),
      analysis: z.custom<AnalysisReport>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { flows?: unknown }).flows)),
      redacted: z.boolean(),
      bytes: z.number(),
    }),
  }),
  z.object({ type: z.literal('error'), code: z.enum(['bad-input', 'unsupported-version', 'too-large', 'internal']), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;
