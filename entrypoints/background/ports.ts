import type { CaptureEngine } from '../../lib/capture/capture';
import type { TabChanges } from '../../lib/capture/tab-store';
import type { AnalysisReport } from '../../lib/model/analysis';
import type { CapturedEvent } from '../../lib/model/event';
import type { BackgroundMessage } from '../../lib/model/messages';
import type { PortLike } from './api';

/**
 * Inspected tab → connected panel ports (the Vue DevTools shell pattern). A port gets a snapshot
 * when it subscribes, then increments after each debounced flush. After a worker restart the
 * panel's port disconnects; it reconnects and subscribes again, and gets a fresh snapshot.
 */
export class PanelPorts {
  private readonly byTab = new Map<number, Set<PortLike>>();

  constructor(private readonly engine: CaptureEngine) {}

  subscribedTabs(): number[] {
    return [...this.byTab.keys()];
  }

  add(tabId: number, port: PortLike): void {
    this.remove(port);
    let ports = this.byTab.get(tabId);
    if (!ports) this.byTab.set(tabId, (ports = new Set()));
    ports.add(port);
  }

  remove(port: PortLike): void {
    for (const [tabId, ports] of this.byTab) {
      ports.delete(port);
      if (ports.size === 0) this.byTab.delete(tabId);
    }
  }

  sendSnapshot(tabId: number, port: PortLike, analysis: AnalysisReport): void {
    this.post(port, { type: 'flows/snapshot', events: this.engine.eventsFor(tabId), ...this.state(tabId, analysis) });
  }

  /** Tabs among `changes` (and their openers, whose view includes their popups) with subscribers. */
  affected(changes: ReadonlyMap<number, TabChanges>): number[] {
    return this.subscribedTabs().filter((tabId) => this.engine.familyOf(tabId).some((t) => changes.has(t)));
  }

  publish(tabId: number, changes: ReadonlyMap<number, TabChanges>, analysis: AnalysisReport): void {
    const ports = this.byTab.get(tabId);
    if (!ports) return;
    const family = this.engine.familyOf(tabId);
    const relevant = family.map((t) => changes.get(t)).filter((c): c is TabChanges => c !== undefined);
    if (relevant.some((c) => c.reset)) {
      for (const port of ports) this.sendSnapshot(tabId, port, analysis);
      return;
    }
    const upserted: CapturedEvent[] = [];
    const removed: string[] = [];
    for (const [t, c] of family.map((t) => [t, changes.get(t)] as const)) {
      if (!c) continue;
      for (const id of c.upserted) {
        const event = this.engine.store.get(t, id);
        if (event) upserted.push(event);
      }
      removed.push(...c.removed);
    }
    const message: BackgroundMessage = { type: 'flows/updated', upserted, removed, ...this.state(tabId, analysis) };
    for (const port of ports) this.post(port, message);
  }

  private state(tabId: number, analysis: AnalysisReport) {
    const record = this.engine.store.peek(tabId);
    return {
      tabId,
      analysis,
      paused: record?.paused ?? false,
      preserve: record?.preserve ?? false,
      ...(record?.notice ? { notice: record.notice } : {}),
    };
  }

  private post(port: PortLike, message: BackgroundMessage): void {
    try {
      port.postMessage(message);
    } catch {
      // The panel went away between the flush and this message.
      this.remove(port);
    }
  }
}
