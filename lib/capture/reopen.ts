import type { RequestEvent } from '../model/event';
import type { OpenRequest } from './hop-events';
import type { TabRecord } from './tab-record';

/** After a restart, in-flight hops younger than this are picked up again; older ones are done. */
export const REOPEN_MS = 2 * 60_000;

/**
 * The requests of a restored tab that were in flight when the previous worker stopped (recorder.ts
 * `restore`): the last hop of each, unfinished or redirected, younger than `REOPEN_MS`. Reopened,
 * their late events (headers, completion, the next hop) still land. Requests already open stay as they are.
 */
export function reopenInFlight(record: TabRecord, open: Map<string, OpenRequest>, now: number): void {
  const last = new Map<string, RequestEvent>();
  const count = new Map<string, number>();
  for (const e of record.events) {
    if (e.kind !== 'request') continue;
    last.set(e.requestId, e);
    count.set(e.requestId, (count.get(e.requestId) ?? 0) + 1);
  }
  for (const [requestId, e] of last) {
    if (now - e.startTime > REOPEN_MS || open.has(requestId)) continue;
    const unfinished = e.endTime === undefined && e.error === undefined;
    if (unfinished || e.redirectUrl !== undefined) {
      open.set(requestId, { tabId: record.tabId, hops: count.get(requestId)!, current: unfinished ? e.id : undefined });
    }
  }
}
