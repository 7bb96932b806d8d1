import * as z from 'zod';
import { CapturedEventSchema, eventTime, type CapturedEvent } from '../model/event';
import { TabRecordSchema, emptyTabRecord, fillMissing, type TabRecord } from './tab-record';

/**
 * The capture's append-only journal in `storage.session` (issue 17 point 6). Each batch of
 * captured changes is written at once, in the task its listener ran in, under a key of its own —
 * no read before the write, so a worker stopped right after an event has still saved it. The
 * per-tab record (`tab:<id>`) is compacted later; a journal entry is removed only after a record
 * holding every event it carries has been written, so a stop at any point of compaction loses
 * nothing: replaying an entry twice is harmless, because merging is a field-by-field union.
 */

export const JOURNAL_KEY_PREFIX = 'log:';

/** What a tab's record holds besides its events. */
export const TabMetaSchema = TabRecordSchema.omit({ events: true });
export type TabMeta = z.infer<typeof TabMetaSchema>;

export const JournalEntrySchema = z.object({
  tabId: z.number().int(),
  /** When it was written (epoch ms): a newer entry's flags win over an older record's. */
  at: z.number(),
  meta: TabMetaSchema,
  events: z.array(CapturedEventSchema),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Keys sort by tab, then time (base 36, fixed width), then writer and sequence. */
export function journalKey(tabId: number, at: number, writer: string, seq: number): string {
  const time = Math.max(0, Math.floor(at)).toString(36).padStart(10, '0');
  return `${JOURNAL_KEY_PREFIX}${tabId}:${time}:${writer}:${seq.toString(36).padStart(6, '0')}`;
}

export function journalEntry(record: TabRecord, events: readonly CapturedEvent[], at: number): JournalEntry {
  const { events: _all, ...meta } = record;
  return { tabId: record.tabId, at, meta: structuredClone(meta), events: structuredClone([...events]) };
}

/** An entry's events as id → time: enough to tell later whether a stored record holds them. */
export function entryFootprint(entry: JournalEntry): Array<[string, number]> {
  return entry.events.map((e) => [e.id, eventTime(e)]);
}

/** A stored record holds an entry when it has each of its events, or removed it on purpose (floor). */
export function recordHolds(record: TabRecord | undefined, footprint: ReadonlyArray<readonly [string, number]>): boolean {
  if (!record) return false;
  const ids = new Set(record.events.map((e) => e.id));
  return footprint.every(([id, time]) => ids.has(id) || time <= record.floor);
}

/** Merge one entry into a record (in place). Monotonic fields take the maximum; flags the newer. */
function applyEntry(record: TabRecord, entry: JournalEntry): void {
  const m = entry.meta;
  if (entry.at >= (record.savedAt ?? 0)) {
    record.paused = m.paused;
    record.preserve = m.preserve;
    if (m.notice !== undefined) record.notice = m.notice;
    if (m.openerTabId !== undefined) record.openerTabId = m.openerTabId;
    if (m.closedAt !== undefined) record.closedAt = m.closedAt;
  }
  record.dropped = Math.max(record.dropped ?? 0, m.dropped ?? 0) || undefined;
  record.lastFlowActivity = Math.max(record.lastFlowActivity, m.lastFlowActivity);
  for (const [origin, time] of Object.entries(m.flowOrigins)) record.flowOrigins[origin] = Math.max(record.flowOrigins[origin] ?? 0, time);
  if (m.floor > record.floor) {
    record.floor = m.floor;
    record.events = record.events.filter((e) => eventTime(e) > record.floor);
  }
  const byId = new Map(record.events.map((e) => [e.id, e]));
  for (const event of entry.events) {
    if (eventTime(event) <= record.floor) continue;
    const known = byId.get(event.id);
    if (known) fillMissing(known, event);
    else {
      record.events.push(event);
      byId.set(event.id, event);
    }
  }
}

/**
 * Stored records with the journal replayed over them (oldest entry first), events in time order.
 * Pure and idempotent: replaying entries a record already holds changes nothing.
 */
export function foldJournal(records: readonly TabRecord[], entries: readonly JournalEntry[]): TabRecord[] {
  const byTab = new Map(records.map((r) => [r.tabId, r]));
  for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
    let record = byTab.get(entry.tabId);
    if (!record) {
      record = emptyTabRecord(entry.tabId);
      byTab.set(entry.tabId, record);
    }
    applyEntry(record, entry);
  }
  for (const record of byTab.values()) record.events.sort((a, b) => eventTime(a) - eventTime(b));
  return [...byTab.values()];
}
