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
  /** When this record was last compacted into storage (journal.ts: older entries' flags lose). */
  savedAt: z.number().optional(),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;

export const TAB_KEY_PREFIX = 'tab:';

export function tabKey(tabId: number): string {
  return `${TAB_KEY_PREFIX}${tabId}`;
}

export function emptyTabRecord(tabId: number): TabRecord {
  return { tabId, events: [], paused: false, preserve: false, floor: 0, flowOrigins: {}, lastFlowActivity: 0 };
}

/**
 * The fields `other` has and `mine` lacks (undefined or absent). Two copies of one event differ
 * only by what each instance saw: a field is filled once and never changes meaning afterwards,
 * so the union of both copies is the most complete event.
 */
export function missingFields(mine: CapturedEvent, other: CapturedEvent): string[] {
  if (mine.kind !== other.kind) return [];
  const have = mine as Record<string, unknown>;
  return Object.entries(other)
    .filter(([key, value]) => value !== undefined && have[key] === undefined)
    .map(([key]) => key);
}

/** Fill `target` in place with the fields it lacks from `source` (memory keeps what it has). */
export function fillMissing(target: CapturedEvent, source: CapturedEvent): boolean {
  const keys = missingFields(target, source);
  const t = target as Record<string, unknown>;
  const s = source as Record<string, unknown>;
  for (const key of keys) t[key] = s[key];
  return keys.length > 0;
}

/**
 * Events from one request can reach two worker instances around a restart (docs/architecture.md "Browser behaviour we rely on").
 * Before writing, the store reads what is stored and adopts events this instance never saw,
 * unless they are older than its floor (cleared or evicted here on purpose). For an event both
 * know, the stored copy is returned when it has a field memory lacks; merging it (TabStore.merge)
 * fills only those fields, so nothing memory has — a body attached meanwhile — is ever lost.
 */
export function eventsToAdopt(memory: TabRecord, stored: TabRecord | undefined): CapturedEvent[] {
  if (!stored) return [];
  const known = new Map(memory.events.map((e) => [e.id, e]));
  const adopt: CapturedEvent[] = [];
  for (const event of stored.events) {
    const mine = known.get(event.id);
    if (mine) {
      if (missingFields(mine, event).length) adopt.push(event);
    } else if (eventTime(event) > memory.floor) {
      adopt.push(event);
    }
  }
  return adopt;
}
