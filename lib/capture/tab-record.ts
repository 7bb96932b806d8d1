import * as z from 'zod';
import { CapturedEventSchema, eventTime, type CapturedEvent } from '../model/event';

/**
 * What is kept per tab, and persisted as is under `tab:<id>` in `storage.session`. Validated with
 * zod when read back: storage written by an older build (or damaged) is dropped, not trusted.
 */
export const TabRecordSchema = z.object({
  tabId: z.number().int(),
  events: z.array(CapturedEventSchema),
  paused: z.boolean().default(false),
  /** Keep this tab's events across unrelated navigations and after the tab closes. */
  preserve: z.boolean().default(false),
  notice: z.string().optional(),
  /** Events evicted so far (the notice states it). */
  dropped: z.number().int().optional(),
  /** The tab that opened this one (webNavigation.onCreatedNavigationTarget), for popups. */
  openerTabId: z.number().int().optional(),
  closedAt: z.number().optional(),
  /** Events at or before this time were removed on purpose (clear, eviction): never merged back. */
  floor: z.number().default(0),
  /** Origins taking part in a flow in this tab → last time a flow-shaped request involved them. */
  flowOrigins: z.record(z.string(), z.number()).default({}),
  /** Time of the last OAuth-shaped request in this tab (0: none). */
  lastFlowActivity: z.number().default(0),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;

export const TAB_KEY_PREFIX = 'tab:';

export function tabKey(tabId: number): string {
  return `${TAB_KEY_PREFIX}${tabId}`;
}

export function emptyTabRecord(tabId: number): TabRecord {
  return { tabId, events: [], paused: false, preserve: false, floor: 0, flowOrigins: {}, lastFlowActivity: 0 };
}

/** A rough measure of how complete an event is: a finished hop beats the same hop in flight. */
function completeness(event: CapturedEvent): number {
  return Object.values(event).filter((v) => v !== undefined).length;
}

/**
 * Events from one request can reach two worker instances around a restart (docs/architecture.md "Browser behaviour we rely on").
 * Before writing, the store reads what is stored and adopts events this instance never saw,
 * unless they are older than its floor (cleared or evicted here on purpose). For an event both
 * know, the more complete copy wins. Returns the events to adopt or replace in memory.
 */
export function eventsToAdopt(memory: TabRecord, stored: TabRecord | undefined): CapturedEvent[] {
  if (!stored) return [];
  const known = new Map(memory.events.map((e) => [e.id, e]));
  const adopt: CapturedEvent[] = [];
  for (const event of stored.events) {
    const mine = known.get(event.id);
    if (mine) {
      if (completeness(event) > completeness(mine)) adopt.push(event);
    } else if (eventTime(event) > memory.floor) {
      adopt.push(event);
    }
  }
  return adopt;
}
