import { describe, expect, it } from 'vitest';
import { entryFootprint, foldJournal, journalEntry, journalKey, recordHolds } from '../../lib/capture/journal';
import { emptyTabRecord, type TabRecord } from '../../lib/capture/tab-record';
import type { RequestEvent } from '../../lib/model/event';

const hop = (id: string, time: number, extra: Partial<RequestEvent> = {}): RequestEvent => ({
  kind: 'request', id, requestId: id.split('.')[0]!, tabId: 1, frameId: 0, parentFrameId: -1, type: 'xmlhttprequest', method: 'POST', url: 'https://as.example/token', startTime: time, ...extra,
});

const record = (events: RequestEvent[], over: Partial<TabRecord> = {}): TabRecord => ({ ...emptyTabRecord(1), events, ...over });

describe('journal', () => {
  it("a tab's keys sort by time, then writer and sequence", () => {
    const keys = [journalKey(1, 2_000, 'b', 0), journalKey(1, 1_000, 'a', 11), journalKey(1, 1_000, 'a', 2), journalKey(1, 1_000, 'b', 0)];
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[3], keys[0]]);
    expect(journalKey(10, 1, 'a', 0).startsWith('log:10:')).toBe(true);
  });

  it('replays entries over the stored records: new events, missing fields, a tab never compacted', () => {
    const stored = record([hop('1.0', 10)], { savedAt: 15 });
    const later = journalEntry(record([hop('1.0', 10, { status: 200, endTime: 12 }), hop('2.0', 20)]), [hop('1.0', 10, { status: 200, endTime: 12 }), hop('2.0', 20)], 21);
    const other = journalEntry({ ...emptyTabRecord(2), events: [] }, [{ ...hop('3.0', 30), tabId: 2 }], 31);
    const [one, two] = foldJournal([stored], [later, other]);
    expect(one!.events.map((e) => [e.id, e.kind === 'request' ? e.status : null])).toEqual([['1.0', 200], ['2.0', undefined]]);
    expect(two!.events.map((e) => e.id)).toEqual(['3.0']);
  });

  it('is idempotent: a stop between the record write and the entry removal replays harmlessly', () => {
    const entry = journalEntry(record([hop('1.0', 10, { status: 200 })]), [hop('1.0', 10, { status: 200 })], 11);
    const compacted = foldJournal([], [entry]);
    const again = foldJournal(structuredClone(compacted), [entry]);
    expect(again).toEqual(compacted);
    expect(recordHolds(compacted[0], entryFootprint(entry))).toBe(true);
    expect(recordHolds(record([]), entryFootprint(entry))).toBe(false);
    expect(recordHolds(undefined, entryFootprint(entry))).toBe(false);
  });

  it('honours a clear (floor) and never lets an older entry undo newer flags', () => {
    const cleared = journalEntry(record([], { floor: 50, paused: true, preserve: true }), [], 50);
    const older = journalEntry(record([], { preserve: false }), [], 30);
    const old = journalEntry(record([hop('1.0', 10)]), [hop('1.0', 10)], 11);
    const [tab] = foldJournal([record([hop('0.0', 5)], { savedAt: 40, preserve: true })], [cleared, old, older]);
    expect(tab!.events).toEqual([]);
    expect(tab!.floor).toBe(50);
    expect(tab!.paused).toBe(true);
    // The entry at 30 predates the record's compaction (40): its preserve=false loses.
    expect(tab!.preserve).toBe(true);
    // An event the clear removed counts as held (nothing to keep the entry for).
    expect(recordHolds(tab, entryFootprint(old))).toBe(true);
  });

  it('entries copy the events: later changes in memory do not alter what was journaled', () => {
    const event = hop('1.0', 10);
    const entry = journalEntry(record([event]), [event], 11);
    event.status = 500;
    expect(entry.events[0]).not.toHaveProperty('status');
  });
});
