import { eventTime, type CapturedEvent } from '../model/event';
import { DEFAULT_LIMITS, type CaptureLimits } from './limits';
import { emptyTabRecord, fillMissing, type TabRecord } from './tab-record';

/** What changed in one tab since the last `drainChanges` (for ports and persistence). */
export interface TabChanges {
  upserted: Set<string>;
  removed: Set<string>;
  /** The tab was cleared or dropped: subscribers need a fresh snapshot. */
  reset: boolean;
}

interface TabState {
  record: TabRecord;
  /** Event id → index in record.events (rebuilt after removals). */
  index: Map<string, number>;
  /** Event id → approximate bytes (JSON length). */
  sizes: Map<string, number>;
  bytes: number;
}

/** Groups that eviction removes together: all hops of a request, or one navigation event. */
function groupOf(event: CapturedEvent): string {
  return event.kind === 'request' ? `r:${event.requestId}` : `n:${event.id}`;
}

/**
 * Events per tab, in arrival order, with byte accounting and eviction. Pure and synchronous: the
 * background persists what `drainChanges` reports. Eviction removes the oldest whole requests
 * (every hop of a redirect chain together) — an approximation of "the oldest flow" that never
 * leaves half a redirect chain behind, which would mislead correlation more than a gap does.
 */
export class TabStore {
  private readonly tabs = new Map<number, TabState>();
  private changes = new Map<number, TabChanges>();
  /** Tab → ids of events changed since the last `drainJournal` (a tab with an empty set: its flags changed). */
  private journal = new Map<number, Set<string>>();
  private totalBytes = 0;
  private rev = 0;

  constructor(readonly limits: CaptureLimits = DEFAULT_LIMITS) {}

  has(tabId: number): boolean {
    return this.tabs.has(tabId);
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  /** The tab's record (created on first use). Mutate events only through this class. */
  record(tabId: number): TabRecord {
    return this.state(tabId).record;
  }

  peek(tabId: number): TabRecord | undefined {
    return this.tabs.get(tabId)?.record;
  }

  /**
   * Grows with every change to any tab (events, flags, clear, drop, eviction, restore): an
   * analysis made at one revision is current while the revision is unchanged.
   */
  get revision(): number {
    return this.rev;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  bytesOf(tabId: number): number {
    return this.tabs.get(tabId)?.bytes ?? 0;
  }

  get(tabId: number, id: string): CapturedEvent | undefined {
    const s = this.tabs.get(tabId);
    const i = s?.index.get(id);
    return i === undefined ? undefined : s!.record.events[i];
  }

  /** Insert a new event or replace the one with the same id, then enforce the bounds. */
  put(tabId: number, event: CapturedEvent): void {
    const s = this.state(tabId);
    const i = s.index.get(event.id);
    if (i === undefined) {
      s.index.set(event.id, s.record.events.length);
      s.record.events.push(event);
    } else {
      s.record.events[i] = event;
    }
    this.measure(s, event);
    this.upserted(tabId, event.id);
    this.enforce(tabId);
  }

  /** Record that an event was mutated in place (cheaper than put for hop updates). */
  touch(tabId: number, event: CapturedEvent): void {
    const s = this.tabs.get(tabId);
    if (!s || !s.index.has(event.id)) return;
    this.measure(s, event);
    this.upserted(tabId, event.id);
    this.enforce(tabId);
  }

  /**
   * Add events another worker instance stored; for an event already here, fill in only the
   * fields it lacks (in place: what memory has wins, a body attached meanwhile stays). Then
   * restore time order (eviction and snapshots assume oldest first).
   */
  merge(tabId: number, events: readonly CapturedEvent[]): void {
    if (events.length === 0) return;
    const s = this.state(tabId);
    for (const e of events) {
      const i = s.index.get(e.id);
      const kept = i === undefined ? e : s.record.events[i]!;
      if (i === undefined) s.record.events.push(e);
      else if (!fillMissing(kept, e)) continue;
      this.measure(s, kept);
      this.upserted(tabId, e.id);
    }
    s.record.events.sort((a, b) => eventTime(a) - eventTime(b));
    this.reindex(s);
    this.enforce(tabId);
  }

  /** Mark non-event state (flags, notice, origins) as needing a write. */
  markDirty(tabId: number): void {
    if (this.tabs.has(tabId)) this.changed(tabId);
  }

  clear(tabId: number, now: number): void {
    const s = this.tabs.get(tabId);
    if (!s) return;
    this.totalBytes -= s.bytes;
    s.record.events = [];
    s.record.notice = undefined;
    s.record.dropped = undefined;
    s.record.floor = Math.max(s.record.floor, now);
    s.index.clear();
    s.sizes.clear();
    s.bytes = 0;
    const c = this.changed(tabId);
    c.upserted.clear();
    c.reset = true;
    this.journal.get(tabId)?.clear();
  }

  drop(tabId: number): void {
    const s = this.tabs.get(tabId);
    if (!s) return;
    this.totalBytes -= s.bytes;
    this.tabs.delete(tabId);
    const c = this.changed(tabId);
    c.upserted.clear();
    c.reset = true;
    this.journal.delete(tabId);
  }

  /** Replace a tab with a restored record (no change is reported for it). */
  load(record: TabRecord): void {
    const old = this.tabs.get(record.tabId);
    if (old) this.totalBytes -= old.bytes;
    const s: TabState = { record, index: new Map(), sizes: new Map(), bytes: 0 };
    this.rev++;
    this.tabs.set(record.tabId, s);
    this.reindex(s);
    for (const e of record.events) this.measure(s, e);
  }

  drainChanges(): Map<number, TabChanges> {
    const out = this.changes;
    this.changes = new Map();
    return out;
  }

  /**
   * The events changed (and tabs whose flags changed) since the last call, for the journal
   * (journal.ts). Independent of `drainChanges`, which serves compaction and the panel.
   */
  drainJournal(): Map<number, CapturedEvent[]> {
    const out = new Map<number, CapturedEvent[]>();
    for (const [tabId, ids] of this.journal) {
      if (!this.tabs.has(tabId)) continue;
      out.set(tabId, [...ids].flatMap((id) => this.get(tabId, id) ?? []));
    }
    this.journal = new Map();
    return out;
  }

  private state(tabId: number): TabState {
    let s = this.tabs.get(tabId);
    if (!s) {
      s = { record: emptyTabRecord(tabId), index: new Map(), sizes: new Map(), bytes: 0 };
      this.tabs.set(tabId, s);
      this.changed(tabId);
    }
    return s;
  }

  private changed(tabId: number): TabChanges {
    this.rev++;
    let c = this.changes.get(tabId);
    if (!c) {
      c = { upserted: new Set(), removed: new Set(), reset: false };
      this.changes.set(tabId, c);
    }
    if (!this.journal.has(tabId)) this.journal.set(tabId, new Set());
    return c;
  }

  private upserted(tabId: number, id: string): void {
    this.changed(tabId).upserted.add(id);
    this.journal.get(tabId)!.add(id);
  }

  private measure(s: TabState, event: CapturedEvent): void {
    const size = JSON.stringify(event).length;
    const before = s.sizes.get(event.id) ?? 0;
    s.sizes.set(event.id, size);
    s.bytes += size - before;
    this.totalBytes += size - before;
  }

  private reindex(s: TabState): void {
    s.index.clear();
    s.record.events.forEach((e, i) => s.index.set(e.id, i));
  }

  private enforce(tabId: number): void {
    const s = this.tabs.get(tabId)!;
    const { maxEventsPerTab, maxBytesPerTab, maxBytesTotal, evictTo } = this.limits;
    if (s.record.events.length > maxEventsPerTab || s.bytes > maxBytesPerTab) {
      this.evict(tabId, Math.floor(maxEventsPerTab * evictTo), maxBytesPerTab * evictTo, 'this tab reached its limit');
    }
    while (this.totalBytes > maxBytesTotal) {
      const victim = this.pickGlobalVictim(tabId);
      if (victim === null) break;
      const target = Math.max(0, this.bytesOf(victim) - (this.totalBytes - maxBytesTotal * evictTo));
      this.evict(victim, Infinity, target, 'all tabs together reached the capture limit');
    }
  }

  /** Closed tabs first, then tabs not marked preserve, then the tab holding the oldest event. */
  private pickGlobalVictim(current: number): number | null {
    const candidates = [...this.tabs.values()].filter((s) => s.record.events.length > 0);
    if (candidates.length === 0) return null;
    const rank = (s: TabState) => (s.record.closedAt !== undefined ? 0 : s.record.preserve ? 2 : 1);
    const oldest = (s: TabState) => eventTime(s.record.events[0]!);
    candidates.sort((a, b) => rank(a) - rank(b) || oldest(a) - oldest(b));
    // The tab being written to is evicted last, when nothing else is left.
    const other = candidates.find((s) => s.record.tabId !== current);
    return (other ?? candidates[0]!).record.tabId;
  }

  private evict(tabId: number, maxEvents: number, maxBytes: number, why: string): void {
    const s = this.tabs.get(tabId)!;
    const events = s.record.events;
    const groups = new Map<string, CapturedEvent[]>();
    for (const e of events) {
      const g = groupOf(e);
      const list = groups.get(g);
      if (list) list.push(e);
      else groups.set(g, [e]);
    }
    const doomed = new Set<string>();
    let count = events.length;
    let bytes = s.bytes;
    let floor = s.record.floor;
    // Map iteration follows insertion order, so groups come oldest first.
    for (const members of groups.values()) {
      if (count <= maxEvents && bytes <= maxBytes) break;
      for (const e of members) {
        doomed.add(e.id);
        count -= 1;
        bytes -= s.sizes.get(e.id) ?? 0;
        floor = Math.max(floor, eventTime(e));
      }
    }
    if (doomed.size === 0) return;
    s.record.events = events.filter((e) => !doomed.has(e.id));
    for (const id of doomed) s.sizes.delete(id);
    this.totalBytes -= s.bytes - bytes;
    s.bytes = bytes;
    s.record.floor = floor;
    this.reindex(s);
    const c = this.changed(tabId);
    for (const id of doomed) {
      c.upserted.delete(id);
      c.removed.add(id);
      this.journal.get(tabId)?.delete(id);
    }
    s.record.dropped = (s.record.dropped ?? 0) + doomed.size;
    s.record.notice =
      `${s.record.dropped} oldest events were dropped because ${why}; ` +
      `flows that started before ${new Date(floor).toISOString()} may be incomplete.`;
  }
}
