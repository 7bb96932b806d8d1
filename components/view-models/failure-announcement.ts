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
 *
 * What was seen is the previous analysis's flows themselves, compared only when the next
 * analysis arrives: opening the panel on a 50k-step capture indexes none of its steps.
 */
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

const failed = (flow: FlowReport): boolean => flow.outcome === 'failed';

/**
 * What to announce when `after` replaces `before` (null: `after` is the first analysis since the
 * panel opened, whose failures are only remembered): the failing flows of `after` that share no
 * captured event with a failing flow of `before`, in one sentence; null when there are none.
 */
export function announceNewFailures(before: readonly FlowReport[] | null, after: readonly FlowReport[]): string | null {
  if (before === null || before === after) return null;
  const failing = after.filter(failed);
  if (failing.length === 0) return null;
  const seen = new Set(before.filter(failed).flatMap(keysOf));
  const fresh = failing.filter((f) => !keysOf(f).some((k) => seen.has(k)));
  if (fresh.length === 0) return null;
  const list = fresh.map(describeFailure);
  return fresh.length === 1 ? `New failed login: ${list[0]}` : `${fresh.length} new failed logins: ${list.join('; ')}`;
}
