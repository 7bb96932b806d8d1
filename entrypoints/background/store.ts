import type { CaptureEngine } from '../../lib/capture/capture';
import { TAB_KEY_PREFIX, TabRecordSchema, eventsToAdopt, tabKey, type TabRecord } from '../../lib/capture/tab-record';
import type { TabChanges } from '../../lib/capture/tab-store';
import type { StorageAreaLike } from './api';

/**
 * Persistence of the capture in `storage.session`, so a stopped MV3 worker loses nothing.
 *
 * Memory is the working copy; storage is written per changed tab. Every write is a
 * read-modify-write (read the stored tab, adopt events another worker instance wrote there,
 * write the merged record), and all of them run one after another on a single promise chain —
 * webRequest events arrive concurrently and, around a restart, at two worker instances
 * (docs/architecture.md "Browser behaviour we rely on"). Where `storage.session` does not exist (older Firefox; its MV2
 * background page is persistent anyway) capture stays in memory only.
 */
export class SessionPersistence {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: StorageAreaLike | undefined) {}

  get persistent(): boolean {
    return this.area !== undefined;
  }

  /** Every valid stored tab record. Damaged or older-format records are dropped. */
  async load(): Promise<TabRecord[]> {
    if (!this.area) return [];
    const all = await this.area.get(null);
    const records: TabRecord[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(TAB_KEY_PREFIX)) continue;
      const parsed = TabRecordSchema.safeParse(value);
      if (parsed.success) records.push(parsed.data);
      else void this.area.remove(key);
    }
    return records;
  }

  /**
   * Write the tabs in `changes`; resolves after this write (and every earlier one) is done.
   * Returns the tabs into which events from storage were adopted (they changed in memory).
   */
  write(engine: CaptureEngine, changes: ReadonlyMap<number, TabChanges>): Promise<number[]> {
    const run = this.chain.then(() => this.writeNow(engine, [...changes.keys()]));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every write queued so far has finished. */
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private async writeNow(engine: CaptureEngine, tabIds: number[]): Promise<number[]> {
    const area = this.area;
    if (!area) return [];
    const adopted: number[] = [];
    for (const tabId of tabIds) {
      const key = tabKey(tabId);
      if (!engine.store.has(tabId)) {
        await area.remove(key);
        continue;
      }
      const stored = TabRecordSchema.safeParse((await area.get(key))[key]);
      const adopt = eventsToAdopt(engine.store.record(tabId), stored.success ? stored.data : undefined);
      if (adopt.length) {
        engine.adopt(tabId, adopt);
        adopted.push(tabId);
      }
      try {
        await area.set({ [key]: engine.store.record(tabId) });
      } catch (error) {
        // Quota exceeded despite the global cap (other data in the area): keep capturing in
        // memory and say so, rather than stopping.
        const record = engine.store.record(tabId);
        record.notice = `Could not save this tab's capture (${String(error)}); it survives only while the background stays alive.`;
      }
    }
    return adopted;
  }
}
