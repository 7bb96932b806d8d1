import { analyzeEvents } from '../../lib/analysis/analyze';
import { applyBrowserEvent, type BrowserEvent } from '../../lib/capture/browser-event';
import { CaptureEngine } from '../../lib/capture/capture';
import { DEFAULT_LIMITS, type CaptureLimits } from '../../lib/capture/limits';
import type { TabChanges } from '../../lib/capture/tab-store';
import type { AnalysisReport } from '../../lib/model/analysis';
import type { CapturedEvent } from '../../lib/model/event';
import { PanelMessageSchema, type PanelMessage } from '../../lib/model/messages';
import type { PortLike, ServiceApi } from './api';
import { setBadge } from './badge';
import { fetchTabMetadata } from './fetch-metadata';
import { PanelPorts } from './ports';
import { SessionPersistence } from './store';

/** How long events of a hop wait for its start (onBeforeRequest) before the hop is rebuilt without it. */
const ORPHAN_WAIT_MS = 1_000;

export interface ServiceOptions {
  limits?: CaptureLimits;
  /** Debounce of persistence, panel increments and badge (ms). */
  flushDelayMs?: number;
  now?: () => number;
  /** Events wait for this as well as for the restore (the granted sites, read at start). */
  after?: Promise<unknown>;
  /** Whether a navigation to this URL may be recorded (site access); asked when the event is applied. */
  allows?: (url: string) => boolean;
}

/**
 * The background's state: capture engine, persistence, panel ports, badge. Listeners hand every
 * browser event to `receive` (panel commands come through `ingest`), which applies it synchronously once the stored capture has been
 * restored (events that arrive earlier wait in a backlog, in order, and are kept in storage's
 * inbox meanwhile: lib/capture/browser-event.ts) and journals what changed
 * before the task ends (one storage write per batch, no read: a worker stopped right after it
 * loses nothing). Compaction of the stored records, panel increments and the badge run together
 * after a debounce — never inside a listener.
 */
export class BackgroundService {
  readonly engine: CaptureEngine;
  readonly ports: PanelPorts;
  readonly persistence: SessionPersistence;
  /** Resolves when the stored capture is back in memory. */
  readonly ready: Promise<void>;
  private backlog: Array<() => void> | null = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private journalQueued = false;
  /** Browser events received before the restore, not yet written to the inbox; and the inbox keys written. */
  private inboxBatch: BrowserEvent[] = [];
  private inboxKeys: string[] = [];
  private readonly allows: (url: string) => boolean;
  private flushing: Promise<void> = Promise.resolve();
  private readonly delay: number;
  private readonly fetchingMetadata = new Set<number>();
  private readonly now: () => number;
  /**
   * The analysis of a tab (or of all tabs, key -1) with the store revision it was made at: the
   * toolbar popup and a panel that opens ask for it again and again. Events are updated in
   * place, so only an unchanged revision (no change to any tab since) proves it current.
   */
  private readonly analyses = new Map<number, { revision: number; report: Promise<AnalysisReport> }>();

  constructor(
    private readonly api: ServiceApi,
    options: ServiceOptions = {},
  ) {
    this.engine = new CaptureEngine(options.limits ?? DEFAULT_LIMITS);
    this.ports = new PanelPorts(this.engine);
    this.persistence = new SessionPersistence(api.storage.session);
    this.delay = options.flushDelayMs ?? 250;
    this.now = options.now ?? Date.now;
    this.allows = options.allows ?? (() => true);
    this.ready = this.restore(options.after);
  }

  /** Whether the stored capture is back in memory (`ready` has resolved): events now apply at once. */
  get restored(): boolean {
    return this.backlog === null;
  }

  /**
   * One browser event from a listener. Before the restore it waits in the backlog and is written
   * to the inbox in this task (one write per batch), so a stop in that window loses nothing.
   */
  receive(event: BrowserEvent): void {
    this.ingest((e) => applyBrowserEvent(e, event, this.allows));
    if (this.backlog && this.inboxBatch.push(event) === 1) queueMicrotask(() => this.writeInbox());
  }

  /** Apply a change to the capture (queued until restore has finished). */
  ingest(apply: (engine: CaptureEngine) => void): void {
    if (this.backlog) {
      this.backlog.push(() => apply(this.engine));
      return;
    }
    const revision = this.engine.store.revision;
    apply(this.engine);
    // Most events change nothing (every request the prefilter drops, on every page): then there is
    // nothing to journal, compact or publish, and no task is queued. Every change to the store
    // moves its revision; the engine's own waiting state (starts not yet arrived, bodies not yet
    // matched) is settled by a flush.
    if (this.engine.store.revision === revision && this.engine.waiting === 0 && this.engine.pendingBodyCount === 0) return;
    this.journalSoon();
    this.schedule();
  }

  /** A panel port: validate each message, drop what does not fit (docs/architecture.md "Messages"). */
  connect(port: PortLike): void {
    port.onMessage.addListener((raw) => {
      const parsed = PanelMessageSchema.safeParse(raw);
      if (parsed.success) void this.onPanelMessage(parsed.data, port);
    });
    port.onDisconnect.addListener(() => this.ports.remove(port));
  }

  async analysis(tabId?: number): Promise<AnalysisReport> {
    await this.ready;
    const key = tabId ?? -1;
    const revision = this.engine.store.revision;
    const known = this.analyses.get(key);
    if (known?.revision === revision) return known.report;
    // What an older revision analysed is stale for every tab.
    for (const [k, entry] of this.analyses) if (entry.revision !== revision) this.analyses.delete(k);
    const entry = { revision, report: analyzeEvents(this.engine.eventsFor(tabId)).then((a) => a.report) };
    this.analyses.set(key, entry);
    entry.report.catch(() => {
      if (this.analyses.get(key) === entry) this.analyses.delete(key);
    });
    return entry.report;
  }

  /** Whether capture is paused for this tab (the popup's Pause / Resume). */
  async paused(tabId: number): Promise<boolean> {
    await this.ready;
    return this.engine.store.peek(tabId)?.paused ?? false;
  }

  async events(tabId?: number): Promise<CapturedEvent[]> {
    await this.ready;
    return this.engine.eventsFor(tabId);
  }

  /** Run the pending flush now, and the follow-up one it may schedule (tests, and before answering after a command). */
  async flush(): Promise<void> {
    for (let round = 0; round < 2; round++) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flushNow());
      await this.flushing;
      if (this.timer === undefined) return;
    }
  }

  private async onPanelMessage(message: PanelMessage, port: PortLike): Promise<void> {
    await this.ready;
    const { tabId } = message;
    switch (message.type) {
      case 'panel/subscribe':
        this.ports.add(tabId, port);
        this.ports.sendSnapshot(tabId, port, await this.analysis(tabId));
        return;
      case 'panel/clear':
        return this.ingest((e) => e.clear(tabId, this.now()));
      case 'panel/pause':
        return this.ingest((e) => e.setPaused(tabId, true));
      case 'panel/resume':
        return this.ingest((e) => e.setPaused(tabId, false));
      case 'panel/preserve':
        return this.ingest((e) => e.setPreserve(tabId, message.preserve));
      case 'panel/attach-body':
        // A body whose request is not in the store yet waits there for it (pending-bodies.ts).
        return this.ingest((e) => {
          e.attachBody({ tabId, url: message.url, method: message.method, startTime: message.startTime, body: message.body }, this.now());
        });
      case 'panel/fetch-metadata': {
        // A second click while the first is in flight would fetch (and store) the same documents twice.
        if (this.fetchingMetadata.has(tabId)) return;
        this.fetchingMetadata.add(tabId);
        try {
          const events = await fetchTabMetadata(this.engine, tabId, this.now());
          // merge keeps the store in time order: the documents sit before the flows they serve.
          if (events.length) this.ingest((e) => e.store.merge(tabId, events));
        } catch (error) {
          console.warn('OAuth Lens: fetching issuer metadata failed', error);
        } finally {
          this.fetchingMetadata.delete(tabId);
        }
        return;
      }
    }
  }

  private writeInbox(): void {
    const key = this.persistence.inbox(this.inboxBatch.splice(0), this.now());
    if (key) this.inboxKeys.push(key);
  }

  private async restore(after?: Promise<unknown>): Promise<void> {
    await after?.catch(() => undefined);
    let replayed: string[] = [];
    try {
      const { records, inbox } = await this.persistence.load();
      this.engine.restore(records, this.now());
      // What instances stopped before their restore received: older than anything in the backlog.
      for (const entry of inbox) {
        try {
          for (const event of entry.events) applyBrowserEvent(this.engine, event, this.allows);
        } catch (error) {
          console.warn('OAuth Lens: could not replay received events', error);
        }
        replayed.push(entry.key);
      }
    } catch (error) {
      console.warn('OAuth Lens: could not restore the capture', error);
    }
    const backlog = this.backlog ?? [];
    this.backlog = null;
    // Events not written to the inbox yet are applied now: their write is no longer needed.
    this.inboxBatch = [];
    for (const apply of backlog) apply();
    // What arrived without its start, all delivered by now: the starts are not coming (recorder.ts `rebuildOrphans`).
    this.engine.rebuildOrphans(Infinity);
    replayed = [...replayed, ...this.inboxKeys.splice(0)];
    this.persistence.append(this.engine, this.engine.store.drainJournal(), this.now(), replayed);
    this.schedule();
  }

  /**
   * Journal the changes of this task in a microtask: still inside the task the listener runs in
   * (the storage write is issued before the worker can be stopped between tasks), and one write
   * for everything the task changed.
   */
  private journalSoon(): void {
    if (this.journalQueued) return;
    this.journalQueued = true;
    queueMicrotask(() => {
      this.journalQueued = false;
      this.persistence.append(this.engine, this.engine.store.drainJournal(), this.now());
    });
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flushNow());
    }, this.delay);
  }

  private async flushNow(): Promise<void> {
    await this.ready;
    // Events still waiting for a start that has not come within ORPHAN_WAIT_MS: rebuild their hops
    // (journaled like any change; while some wait, the next flush is scheduled by `ingest`).
    if (this.engine.waiting > 0) this.ingest((e) => e.rebuildOrphans(this.now() - ORPHAN_WAIT_MS));
    this.engine.sweep(this.now());
    const changes = this.engine.store.drainChanges();
    const unsettled = this.persistence.unsettledTabs();
    if (changes.size === 0 && unsettled.length === 0) return;
    const adopted = await this.persistence.write(this.engine, new Set([...changes.keys(), ...unsettled]), this.now());
    // Writing can adopt events another worker instance stored (the store's revision grows).
    if (adopted.length) this.schedule();
    if (changes.size) await this.publish(changes);
  }

  /** One analysis per affected root tab, shared by the panel increment and the badge. */
  private async publish(changes: ReadonlyMap<number, TabChanges>): Promise<void> {
    const tabs = new Set(this.ports.affected(changes));
    for (const tabId of changes.keys()) {
      const record = this.engine.store.peek(tabId);
      if (record && record.closedAt === undefined) tabs.add(record.openerTabId ?? tabId);
    }
    for (const tabId of tabs) {
      let report: AnalysisReport;
      try {
        // Cached: the popup opened right after a login gets this one.
        report = await this.analysis(tabId);
      } catch (error) {
        console.warn('OAuth Lens: analysis failed', error);
        continue;
      }
      this.ports.publish(tabId, changes, report);
      await setBadge(this.api.action ?? this.api.browserAction, tabId, report);
    }
  }
}
