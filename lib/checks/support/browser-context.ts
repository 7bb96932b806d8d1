import { eventTime, type CapturedEvent, type RequestEvent } from '../../model/event';
import type { Flow } from '../../model/flow';
import { headerValue, originOf } from '../../flow/params';

/** The request event behind a step, or null for synthetic steps and bad indices. */
export function stepEvent(flow: Flow, index: number | null | undefined): RequestEvent | null {
  if (index === null || index === undefined) return null;
  return flow.steps[index]?.event ?? null;
}

/** "Now" for a capture: the time of the last captured event (the ID Token time checks use capture time too). */
export function captureEnd(events: readonly CapturedEvent[]): number {
  let end = 0;
  for (const e of events) end = Math.max(end, eventTime(e));
  return end;
}

/** The tab that opened `tabId` (window.open), from webNavigation or the request's own field. */
export function openerOf(events: readonly CapturedEvent[], tabId: number): number | null {
  for (const e of events) {
    if (e.kind === 'navigation' && e.event === 'created-target' && e.tabId === tabId && e.sourceTabId !== undefined) return e.sourceTabId;
  }
  for (const e of events) if (e.kind === 'request' && e.tabId === tabId && e.openerTabId !== undefined) return e.openerTabId;
  return null;
}

/** When the tab was closed, if the capture saw it close after `after`. */
export function tabRemovedAt(events: readonly CapturedEvent[], tabId: number, after: number): number | null {
  for (const e of events) if (e.kind === 'navigation' && e.event === 'tab-removed' && e.tabId === tabId && e.time >= after) return e.time;
  return null;
}

/**
 * Origin of the top-level page of a tab at a moment: the last main-frame request or top-frame
 * commit before `time`; else the `Referer`/`Origin`/initiator of the framed request itself.
 */
export function topPageOrigin(events: readonly CapturedEvent[], tabId: number, time: number, framed: RequestEvent | null): string | null {
  let best: { t: number; origin: string } | null = null;
  for (const e of events) {
    if (e.tabId !== tabId || eventTime(e) > time) continue;
    const top = e.kind === 'request' ? e.type === 'main_frame' && e.frameId === 0 : e.event === 'committed' && e.frameId === 0;
    const origin = top ? originOf(e.url) : null;
    if (origin && (!best || eventTime(e) >= best.t)) best = { t: eventTime(e), origin };
  }
  if (best) return best.origin;
  if (!framed) return null;
  const referer = headerValue(framed.requestHeaders, 'referer');
  return (referer ? originOf(referer) : null) ?? originOf(headerValue(framed.requestHeaders, 'origin') ?? '') ?? originOf(framed.initiator ?? '');
}

/** Request events of the capture after `from` (inclusive), in time order. */
export function requestsAfter(events: readonly CapturedEvent[], from: number): RequestEvent[] {
  return events.filter((e): e is RequestEvent => e.kind === 'request' && e.startTime >= from).sort((a, b) => a.startTime - b.startTime);
}
