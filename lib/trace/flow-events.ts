import type { FlowReport } from '../model/analysis';
import { eventTime, type CapturedEvent } from '../model/event';

/** Navigations this close to a flow's first or last step still belong to its story (commit lag). */
const NAVIGATION_SLACK_MS = 2_000;

/**
 * The raw events behind some flows, for a "this flow only" export. A flow's steps name their
 * events; navigations carry no step, so those of the flow's tabs inside its time span come too.
 * Input order is kept, so re-analysing the subset rebuilds the same flow (only findings that
 * compare it with other flows, such as concurrent logins, go away with the others).
 */
export function eventsOfFlows(events: readonly CapturedEvent[], flows: readonly FlowReport[]): CapturedEvent[] {
  const ids = new Set<string>();
  const tabs = new Set<number>();
  let start = Infinity;
  let end = -Infinity;
  for (const flow of flows) {
    for (const step of flow.steps) {
      if (step.eventId !== null) ids.add(step.eventId);
      if (!step.observed) continue;
      tabs.add(step.tabId);
      const t = step.time;
      if (Number.isFinite(t)) {
        start = Math.min(start, t);
        end = Math.max(end, t);
      }
    }
  }
  return events.filter((e) => {
    if (ids.has(e.id)) return true;
    if (e.kind !== 'navigation' || !tabs.has(e.tabId)) return false;
    const t = eventTime(e);
    return t >= start - NAVIGATION_SLACK_MS && t <= end + NAVIGATION_SLACK_MS;
  });
}
