import { OAuthLensError } from '../errors';
import { CapturedEventSchema, type CapturedEvent } from '../model/event';
import { TRACE_FORMAT, TraceV1Schema, type RedactionManifest, type TraceV1 } from '../model/trace';
import { name, version } from '../../package.json';
import { firstIssue } from './zod-message';

/** The writer of exports, from package.json (the one place the version is kept). */
export const TOOL: { readonly name: string; readonly version: string } = { name, version };

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
  // Events one by one, stopping at the first bad one (see parseHar).
  const events = (value as { events?: unknown }).events;
  if (!Array.isArray(events)) throw new OAuthLensError('bad-input', 'invalid trace: trace.events: expected an array');
  const shell = TraceV1Schema.safeParse({ ...(value as object), events: [] });
  if (!shell.success) throw new OAuthLensError('bad-input', `invalid trace: ${firstIssue(shell.error, 'trace')}`);
  const parsed: CapturedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = CapturedEventSchema.safeParse(events[i]);
    if (!event.success) throw new OAuthLensError('bad-input', `invalid trace: ${firstIssue(event.error, `trace.events[${i}]`)}`);
    parsed.push(event.data);
  }
  return { ...shell.data, events: parsed };
}

export function serializeTrace(trace: TraceV1): string {
  return `${JSON.stringify(trace, null, 2)}\n`;
}
