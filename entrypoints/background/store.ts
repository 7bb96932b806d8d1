import {
  CONSUMED_KEY_PREFIX,
  ConsumedSchema,
  INBOX_KEY_PREFIX,
  InboxEntrySchema,
  inboxEvents,
  inboxKey,
  storableEvent,
  type BrowserEvent,
} from '../../lib/capture/browser-event';
import type { CaptureEngine } from '../../lib/capture/capture';
import {
  JOURNAL_KEY_PREFIX,
  JournalEntrySchema,
  entryFootprint,
  foldJournal,
  journalEntry,
  journalKey,
  recordHolds,
  type JournalEntry,
} from '../../lib/capture/journal';
import { TAB_KEY_PREFIX, TabRecordSchema, eventsToAdopt, tabKey, type TabRecord } from '../../lib/capture/tab-record';
import type { CapturedEvent } from '../../lib/model/event';
import type { StorageAreaLike } from './api';

/** Raw events an instance that had not restored yet wrote (lib/capture/browser-event.ts), to replay. */
export interface StoredInbox {
  key: string;
  events: BrowserEvent[];
}

export interface Loaded {
  records: TabRecord[];
  /** Oldest first. */
  inbox: StoredInbox[];
}

interface Unsettled {
  tabId: number;
  footprint: Array<[string, number]>;
}

/**
 * Persistence of the capture in `storage.session`, so a stopped MV3 worker loses nothing.
 *
 * Three layers. `inbox` writes the raw events a freshly started instance receives before it has
 * restored (lib/capture/browser-event.ts); the next instance to restore replays those no journal
 * write consumed. Then (lib/capture/journal.ts): `append` writes each batch of changed events under a
 * journal key of its own, at once and without reading first — durable in the task the listener
 * ran in. `write` (debounced compaction) writes the per-tab record: a read-modify-write that adopts
 * events another worker instance stored, then removes the journal entries the written record
 * holds. Compactions run one after another on a single promise chain — webRequest events arrive
 * concurrently and, around a restart, at two worker instances (docs/architecture.md "Browser
 * behaviour we rely on"). Where
 * `storage.session` does not exist (older Firefox; its MV2 background page is persistent anyway)
 * capture stays in memory only.
 */
export class SessionPersistence {
  private chain: Promise<unknown> = Promise.resolve();
  /** Names this instance's journal keys apart from another instance's. */
  private readonly writer = Math.random().toString(36).slice(2, 8);
  private seq = 0;
  /** Journal entries (this instance's, or found at start) no stored record is known to hold yet. */
  private readonly unsettled = new Map<string, Unsettled>();

  constructor(private readonly area: StorageAreaLike | undefined) {}

  get persistent(): boolean {
    return this.area !== undefined;
  }

  /**
   * Every valid stored tab record with the journal replayed over it, and the inbox entries no
   * journal write has consumed yet. Damaged or older-format keys are dropped.
   */
  async load(): Promise<Loaded> {
    if (!this.area) return { records: [], inbox: [] };
    const all = await this.area.get(null);
    const records: TabRecord[] = [];
    const entries: JournalEntry[] = [];
    const damaged: string[] = [];
    const inbox: StoredInbox[] = [];
    const consumed = new Set<string>();
    const done: string[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(CONSUMED_KEY_PREFIX)) {
        const parsed = ConsumedSchema.safeParse(value);
        for (const k of parsed.success ? parsed.data.keys : []) consumed.add(k);
        done.push(key);
        continue;
      }
      if (key.startsWith(INBOX_KEY_PREFIX)) {
        const parsed = InboxEntrySchema.safeParse(value);
        if (parsed.success) inbox.push({ key, events: inboxEvents(parsed.data) });
        else damaged.push(key);
        continue;
      }
      if (key.startsWith(TAB_KEY_PREFIX)) {
        const parsed = TabRecordSchema.safeParse(value);
        if (parsed.success) records.push(parsed.data);
        else damaged.push(key);
      } else if (key.startsWith(JOURNAL_KEY_PREFIX)) {
        const parsed = JournalEntrySchema.safeParse(value);
        if (!parsed.success) {
          damaged.push(key);
          continue;
        }
        entries.push(parsed.data);
        this.unsettled.set(key, { tabId: parsed.data.tabId, footprint: entryFootprint(parsed.data) });
      }
    }
    // Consumed inbox entries go with the marker naming them, in one removal: never one without the other.
    const consumedEntries = inbox.filter((e) => consumed.has(e.key)).map((e) => e.key);
    if (damaged.length || done.length) void this.area.remove([...damaged, ...done, ...consumedEntries]);
    return { records: foldJournal(records, entries), inbox: inbox.filter((e) => !consumed.has(e.key)).sort((a, b) => (a.key < b.key ? -1 : 1)) };
  }

  /**
   * Keep raw events received before the restore: one `set`, issued before this returns, with no
   * read before it. Returns the key, for the journal write that consumes it.
   */
  inbox(events: readonly BrowserEvent[], now: number): string | undefined {
    if (!this.area || events.length === 0) return undefined;
    const key = inboxKey(now, this.writer, this.seq++);
    this.area.set({ [key]: { at: now, events: events.map(storableEvent) } }).catch((error: unknown) => console.warn('OAuth Lens: could not keep received events', error));
    return key;
  }

  /**
   * Journal the changed events of each tab now: one `set` for the whole batch, issued before
   * this returns, with no read before it. Errors are reported, not thrown (compaction retries).
   */
  append(engine: CaptureEngine, changed: ReadonlyMap<number, CapturedEvent[]>, now: number, consumes: readonly string[] = []): void {
    if (!this.area) return;
    const items: Record<string, unknown> = {};
    for (const [tabId, events] of changed) {
      const record = engine.store.peek(tabId);
      if (!record) continue;
      const entry = journalEntry(record, events, now);
      const key = journalKey(tabId, now, this.writer, this.seq++);
      items[key] = entry;
      this.unsettled.set(key, { tabId, footprint: entryFootprint(entry) });
    }
    if (Object.keys(items).length === 0) {
      // Nothing came of these inbox entries: nothing to keep before they go.
      if (consumes.length) this.area.remove([...consumes]).catch(() => undefined);
      return;
    }
    // The inbox entries this write consumes are named in the same (atomic) write, so no later
    // instance replays them once the journal holds what they produced; they go afterwards.
    const marker = consumes.length ? `${CONSUMED_KEY_PREFIX}${this.writer}:${this.seq++}` : undefined;
    if (marker) items[marker] = { keys: [...consumes] };
    const area = this.area;
    area
      .set(items)
      .then(() => (marker ? area.remove([...consumes, marker]) : undefined))
      .catch((error: unknown) => console.warn('OAuth Lens: could not journal captured events', error));
  }

  /** Tabs with journal entries that no stored record is known to hold yet. */
  unsettledTabs(): number[] {
    return [...new Set([...this.unsettled.values()].map((u) => u.tabId))];
  }

  /**
   * Compact the tabs in `tabIds` into their records; resolves after this write (and every
   * earlier one) is done. Returns the tabs into which events from storage were adopted.
   */
  write(engine: CaptureEngine, tabIds: Iterable<number>, now: number): Promise<number[]> {
    const tabs = [...tabIds];
    const run = this.chain.then(() => this.writeNow(engine, tabs, now));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every write queued so far has finished. */
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private journalKeysOf(tabId: number, holds: (u: Unsettled) => boolean): string[] {
    return [...this.unsettled].filter(([, u]) => u.tabId === tabId && holds(u)).map(([key]) => key);
  }

  private async settle(keys: string[]): Promise<void> {
    if (!this.area || keys.length === 0) return;
    await this.area.remove(keys);
    for (const key of keys) this.unsettled.delete(key);
  }

  private async writeNow(engine: CaptureEngine, tabIds: number[], now: number): Promise<number[]> {
    const area = this.area;
    if (!area) return [];
    const adopted: number[] = [];
    for (const tabId of tabIds) {
      const key = tabKey(tabId);
      if (!engine.store.has(tabId)) {
        await area.remove(key);
        await this.settle(this.journalKeysOf(tabId, () => true));
        continue;
      }
      const parsed = TabRecordSchema.safeParse((await area.get(key))[key]);
      const adopt = eventsToAdopt(engine.store.record(tabId), parsed.success ? parsed.data : undefined);
      if (adopt.length) {
        engine.adopt(tabId, adopt);
        adopted.push(tabId);
      }
      const record = engine.store.record(tabId);
      try {
        record.savedAt = now;
        // Decided in the same synchronous step as the write: the entries this record holds.
        const held = this.journalKeysOf(tabId, (u) => recordHolds(record, u.footprint));
        await area.set({ [key]: record });
        await this.settle(held);
      } catch (error) {
        // Quota exceeded despite the global cap (other data in the area): keep capturing in
        // memory and say so, rather than stopping.
        record.notice = `Could not save this tab's capture (${String(error)}); it survives only while the background stays alive.`;
      }
    }
    return adopted;
  }
}
