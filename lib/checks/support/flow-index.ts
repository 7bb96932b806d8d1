import type { Flow } from '../../model/flow';

/**
 * Lookups that cross-flow checks share, built once per analysis (per `flows` array) instead of
 * scanning every pair of flows (issue 12: checks were quadratic in flows). Groups keep the order
 * of `flows`, so "the first earlier flow" stays the one the scans found.
 */
const memo = new WeakMap<readonly Flow[], Map<string, unknown>>();

/** `build()` once per analysis and name. */
export function memoized<T>(flows: readonly Flow[], name: string, build: () => T): T {
  let byName = memo.get(flows);
  if (!byName) memo.set(flows, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build());
  return byName.get(name) as T;
}

/** Flows grouped by a key (null: left out), in the order of `flows`. */
export function groupedBy<K>(flows: readonly Flow[], name: string, key: (f: Flow) => K | null): ReadonlyMap<K, readonly Flow[]> {
  return memoized(flows, `group:${name}`, () => {
    const groups = new Map<K, Flow[]>();
    for (const f of flows) {
      const k = key(f);
      if (k === null) continue;
      const list = groups.get(k);
      if (list) list.push(f);
      else groups.set(k, [f]);
    }
    return groups;
  });
}

/** `flows.indexOf(flow)` without the scan. */
export function positionOf(flows: readonly Flow[], flow: Flow): number {
  return memoized(flows, 'position', () => new Map(flows.map((f, i) => [f, i]))).get(flow) ?? -1;
}

/**
 * Flows of `group` (a group of `flows`) after `flow` in `flows` whose start time lies in
 * [from, to], in the order of `flows`: a bisection over the group sorted by start time, so only
 * flows that overlap in time are looked at.
 */
export function laterStartingWithin(flows: readonly Flow[], name: string, group: readonly Flow[], flow: Flow, from: number, to: number): Flow[] {
  const byTime = memoized(flows, `by-time:${name}`, () => new Map<readonly Flow[], Flow[]>());
  let sorted = byTime.get(group);
  if (!sorted) byTime.set(group, (sorted = [...group].sort((a, b) => a.startTime - b.startTime)));
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startTime < from) lo = mid + 1;
    else hi = mid;
  }
  const at = positionOf(flows, flow);
  const out: Flow[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startTime <= to; i++) if (positionOf(flows, sorted[i]!) > at) out.push(sorted[i]!);
  return out.sort((a, b) => positionOf(flows, a) - positionOf(flows, b));
}

/** How many flow ids a message lists before "and N more" (a message stays one readable line). */
export const MAX_LISTED_FLOWS = 20;

/** "f1, f2, f3", or "f1, …, f20 and 480 more" past MAX_LISTED_FLOWS. */
export function flowIdList(flows: readonly Flow[], total = flows.length): string {
  const ids = flows.slice(0, MAX_LISTED_FLOWS).map((f) => f.id).join(', ');
  return total > MAX_LISTED_FLOWS ? `${ids} and ${total - MAX_LISTED_FLOWS} more` : ids;
}
