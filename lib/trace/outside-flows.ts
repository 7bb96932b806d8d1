import { DEFAULT_OPTIONS } from '../model/analysis-context';
import { correlate } from '../flow/correlate';
import { digestValues, makeDerived, verifiersIn } from '../analysis/digests';
import type { CapturedEvent } from '../model/event';
import type { TraceV1 } from '../model/trace';
import type { DerivedRecord } from '../redact/derived';
import * as redact from '../redact/trace';

/**
 * Redacted exports keep the bodies of requests that belong to a flow (its steps, and the
 * discovery documents and JWKS the checks read) and drop the others' (issue 12): unrelated
 * traffic keeps its URL, status and redacted headers, but a body that no flow explains — an app's
 * `/api/profile` with `ssn` and `pin` under neutral names — is not exported at all.
 *
 * `derived` is an earlier export's manifest, so a redacted trace redacted again finds the same
 * flows (its verifiers are tags; the recorded S256 relations stand in for hashing them).
 */
export async function eventsInFlows(events: readonly CapturedEvent[], derived: readonly DerivedRecord[] = []): Promise<Set<string>> {
  const hashes = makeDerived(await digestValues(verifiersIn(events)), new Map(), derived);
  const { flows, discovery, jwks } = correlate(events, DEFAULT_OPTIONS, (verifier) => hashes.s256(verifier));
  const ids = new Set<string>();
  for (const flow of flows) for (const step of flow.steps) if (step.event) ids.add(step.event.id);
  for (const doc of [...discovery, ...jwks]) ids.add(doc.eventId);
  return ids;
}

/**
 * `lib/redact/trace`'s redactEvents with the in-flow ids computed here (lib/redact may not call
 * correlation: lib/flow and lib/analysis import lib/redact). Every export path calls this one.
 */
export async function redactEvents(events: readonly CapturedEvent[], options: Omit<redact.RedactOptions, 'inFlows'> = {}): Promise<redact.RedactedEvents> {
  return redact.redactEvents(events, { ...options, inFlows: await eventsInFlows(events, options.derived) });
}

/** `lib/redact/trace`'s redactTrace with the in-flow ids computed here (an earlier export's relations included). */
export async function redactTrace(trace: TraceV1, options: Omit<redact.RedactOptions, 'inFlows'> = {}): Promise<TraceV1> {
  const derived = [...(options.derived ?? []), ...(trace.redaction.redacted ? trace.redaction.derived : [])];
  return redact.redactTrace(trace, { ...options, inFlows: await eventsInFlows(trace.events, derived) });
}
