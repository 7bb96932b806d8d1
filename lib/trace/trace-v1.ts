import { OAuthLensError } from '../errors';
import type { CapturedEvent } from '../model/event';
import { TRACE_FORMAT, TraceV1Schema, type RedactionManifest, type TraceV1 } from '../model/trace';
import { firstIssue } from './zod-message';

export const TOOL = { name: 'oauth-lens', version: '0.1.0' } as const;

export function makeTrace(events: CapturedEvent[], redaction: RedactionManifest = { redacted: false, fields: [], derived: [] }, now = new Date()): TraceV1 {
  return { format: TRACE_FORMAT, version: 1, createdAt: now.toISOString(), tool: { ...TOOL }, redaction, events };
}

export function looksLikeTrace(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === TRACE_FORMAT;
}

/** Validate a parsed trace file. Unknown versions are refused with a message saying which. */
export function parseTrace(value: unknown): TraceV1 {
  if (!looksLikeTrace(value)) throw new OAuthLensError('bad-input', `not an OAuth Lens trace (expected "format": "${TRACE_FORMAT}")`);
  const version = (value as { version?: unknown }).version;
  if (version !== 1) {
    throw new OAuthLensError('unsupported-version', `trace version ${JSON.stringify(version)} is not supported (this OAuth Lens reads version 1)`);
  }
  const parsed = TraceV1Schema.safeParse(value);
  if (!parsed.success) throw new OAuthLensError('bad-input', `invalid trace: ${firstIssue(parsed.error, 'trace')}`);
  return parsed.data;
}

export function serializeTrace(trace: TraceV1): string {
  return `${JSON.stringify(trace, null, 2)}\n`;
}
