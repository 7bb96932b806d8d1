import type { FlowReport } from '../../lib/model/analysis';
import { hostOf } from '../../lib/flow/server-label';
import { shorten } from './format';

/**
 * What the panel says to screen readers (a polite live region) when failing logins arrive:
 * once per newly failing flow, never for the failures already there when the panel opened, and
 * never again for one already announced.
 *
 * Flows are recognised by the ids of their captured events: flow ids (`f1`, `f2`, …) are
 * numbered by position and change when older flows are evicted or cleared.
 */
export type SeenFailures = ReadonlySet<string>;

function keysOf(flow: FlowReport): string[] {
  const ids = flow.steps.flatMap((s) => (s.eventId ? [s.eventId] : []));
  return ids.length ? ids : [`flow:${flow.id}:${flow.startTime}`];
}

/** "demo-web at step 3 (callback)". */
function describeFailure(flow: FlowReport): string {
  const who = flow.clientId ? shorten(flow.clientId, 60) : (hostOf(flow.issuer) ?? 'an unknown client');
  const at = flow.failedAt ?? null;
  const step = at !== null ? flow.steps[at] : undefined;
  return step ? `${who} at step ${at! + 1} (${step.kind})` : who;
}

export interface Announcement {
  /** The failing flows seen so far (pass back in next time). */
  seen: SeenFailures;
  /** What to announce now, or null. */
  message: string | null;
}

/**
 * `seen` null: the first analysis since the panel opened — its failures are only remembered.
 * Later: the failing flows not seen before are announced in one sentence.
 */
export function announceNewFailures(seen: SeenFailures | null, flows: readonly FlowReport[]): Announcement {
  const failing = flows.filter((f) => f.outcome === 'failed');
  const next = new Set(failing.flatMap(keysOf));
  if (seen === null) return { seen: next, message: null };
  const fresh = failing.filter((f) => !keysOf(f).some((k) => seen.has(k)));
  if (fresh.length === 0) return { seen: next, message: null };
  const list = fresh.map(describeFailure);
  const message = fresh.length === 1 ? `New failed login: ${list[0]}` : `${fresh.length} new failed logins: ${list.join('; ')}`;
  return { seen: next, message };
}
