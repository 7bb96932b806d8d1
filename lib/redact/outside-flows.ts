import { DEFAULT_OPTIONS } from '../model/analysis-context';
import { correlate } from '../flow/correlate';
import { digestValues, makeDerived, verifiersIn } from '../analysis/digests';
import type { CapturedEvent } from '../model/event';
import type { DerivedRecord } from './derived';

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

/** The event without its request and response bodies; URL, status and headers stay. */
export function withoutBodies(event: CapturedEvent): CapturedEvent {
  if (event.kind !== 'request' || (!event.requestBody && !event.responseBody)) return event;
  const { requestBody: _request, responseBody: _response, ...rest } = event;
  return rest;
}
