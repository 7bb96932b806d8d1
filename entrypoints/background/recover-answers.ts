import * as z from 'zod';
import { TimingEntrySchema, type FrameQuestion, type TimingEntry } from '../../lib/capture/recovery';
import type { Listenable } from './api';
import type { BackgroundService } from './service';

/** The slice of `chrome.scripting` this file uses (Chrome MV3 only). */
export interface TimingScripting {
  executeScript(injection: { target: { tabId: number; frameIds: number[] }; func: (urls: string[]) => TimingEntry[]; args: [string[]] }): Promise<Array<{ result?: unknown }>>;
}

/** A frame whose document committed or loaded (webNavigation). */
export interface FrameEvent {
  tabId: number;
  frameId: number;
}

/**
 * Runs in the page, in the extension's isolated world (serialised by executeScript: nothing from
 * this module's scope): the frame's Navigation Timing entry and its fetch/XHR Resource Timing
 * entries, only for the URLs asked about (fragments aside), as plain data.
 */
function readTimings(urls: string[]): TimingEntry[] {
  const wanted = new Set(urls);
  const bare = (url: string) => (url.includes('#') ? url.slice(0, url.indexOf('#')) : url);
  const origin = performance.timeOrigin;
  const out: TimingEntry[] = [];
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
  for (const e of entries) {
    if (!wanted.has(bare(e.name))) continue;
    const navigation = e.entryType === 'navigation';
    const answered = e.responseStart > 0 ? e.responseStart : e.responseEnd;
    out.push({
      entryType: navigation ? 'navigation' : 'resource',
      name: e.name,
      type: navigation ? (e as PerformanceNavigationTiming).type : e.initiatorType,
      status: typeof e.responseStatus === 'number' ? e.responseStatus : 0,
      startedAt: origin + e.startTime,
      answeredAt: answered > 0 ? origin + answered : 0,
    });
  }
  return out;
}

const ResultSchema = z.array(TimingEntrySchema).max(500);

/** Asks again this long after a worker start, for requests still under way at the first ask. */
const RETRY_AFTER_MS = [1_500, 5_000];

/**
 * Answers the browser never reported, read back from the page (lib/capture/recovery.ts decides
 * which hops, which frames, and which entry answers which hop). Asked when a worker instance has
 * restored the capture (the instance before it may have been stopped with events unrun), again a
 * little later, and when a frame whose hops await an answer commits or loads a document (those
 * navigation events can be lost too, hence both). Only in frames of sites the extension may
 * access: `executeScript` fails elsewhere, and nothing is read then.
 */
export class AnswerRecovery {
  constructor(
    private readonly service: BackgroundService,
    private readonly scripting: TimingScripting,
    private readonly now: () => number = Date.now,
  ) {}

  /** After the restore: every frame with hops that await an answer, now and twice more. */
  async onStart(): Promise<void> {
    await this.service.ready;
    await this.askAll();
    for (const delay of RETRY_AFTER_MS) setTimeout(() => void this.askAll(), delay);
  }

  /** A frame committed or loaded a document: ask it if any of its hops awaits an answer. */
  async onFrame(d: FrameEvent): Promise<void> {
    if (d.tabId < 0) return;
    // Every frame of every page comes here: one of a tab with nothing captured returns at once.
    if (this.service.restored && !this.service.engine.store.has(d.tabId)) return;
    await this.service.ready;
    const frames = this.service.engine.framesToAsk(this.now(), d.tabId).filter((f) => f.frameId === d.frameId);
    await Promise.all(frames.map((f) => this.ask(f)));
  }

  private async askAll(): Promise<void> {
    await Promise.all(this.service.engine.framesToAsk(this.now()).map((f) => this.ask(f)));
  }

  private async ask(frame: FrameQuestion): Promise<void> {
    let results: Array<{ result?: unknown }>;
    try {
      results = await this.scripting.executeScript({ target: { tabId: frame.tabId, frameIds: [frame.frameId] }, func: readTimings, args: [frame.urls] });
    } catch {
      // The frame is gone, or its site is not granted: nothing to read.
      return;
    }
    const entries = ResultSchema.safeParse(results[0]?.result);
    if (!entries.success || entries.data.length === 0) return;
    this.service.ingest((e) => e.recoverAnswers({ tabId: frame.tabId, frameId: frame.frameId, entries: entries.data }, this.now()));
  }
}

/** Chrome only (Firefox's background page is never stopped, and reads its answers itself). */
export function registerAnswerRecovery(
  nav: { onCommitted: Listenable<[FrameEvent]>; onDOMContentLoaded: Listenable<[FrameEvent]> },
  scripting: TimingScripting,
  service: BackgroundService,
): AnswerRecovery {
  const recovery = new AnswerRecovery(service, scripting);
  void recovery.onStart();
  nav.onCommitted.addListener((d) => void recovery.onFrame(d));
  nav.onDOMContentLoaded.addListener((d) => void recovery.onFrame(d));
  return recovery;
}
