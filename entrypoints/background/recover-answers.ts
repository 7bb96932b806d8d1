import * as z from 'zod';
import { MAX_PAGE_ENTRIES, MAX_PAGE_URL } from '../../lib/capture/page-only';
import { TimingEntrySchema, type FrameQuestion, type TimingEntry } from '../../lib/capture/recovery';
import type { Listenable } from './api';
import type { BackgroundService } from './service';

/** The slice of `chrome.scripting` this file uses (Chrome MV3 only). */
export interface TimingScripting {
  executeScript(injection: { target: { tabId: number; frameIds: number[] }; func: (...args: ReadArgs) => TimingEntry[]; args: ReadArgs }): Promise<Array<{ result?: unknown }>>;
}

/** What the page is asked: the URLs of awaited hops, the flow's origins, and the bounds. */
type ReadArgs = [urls: string[], origins: string[], maxUrl: number, maxEntries: number];

/** A frame whose document committed or loaded (webNavigation). */
export interface FrameEvent {
  tabId: number;
  frameId: number;
}

/**
 * Runs in the page, in the extension's isolated world (serialised by executeScript: nothing from
 * this module's scope): the frame's Navigation Timing entry and its fetch/XHR Resource Timing
 * entries, as plain data, only for the URLs asked about (fragments aside) and, for hops seen by
 * the page only (lib/capture/page-only.ts), its document and fetches on the flow's origins.
 * URLs longer than `maxUrl` are left out, and at most the newest `maxEntries` fetches are read.
 */
function readTimings(urls: string[], origins: string[], maxUrl: number, maxEntries: number): TimingEntry[] {
  const wanted = new Set(urls);
  const flow = new Set(origins);
  const bare = (url: string) => (url.includes('#') ? url.slice(0, url.indexOf('#')) : url);
  const originOf = (url: string) => {
    try {
      return new URL(url).origin;
    } catch {
      return '';
    }
  };
  const origin = performance.timeOrigin;
  const out: TimingEntry[] = [];
  const navigation = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const fetches = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest').slice(-maxEntries);
  for (const e of [...navigation.slice(0, 1), ...fetches]) {
    if (e.name.length > maxUrl) continue;
    const isNavigation = e.entryType === 'navigation';
    if (!wanted.has(bare(e.name)) && !flow.has(originOf(e.name))) continue;
    const answered = e.responseStart > 0 ? e.responseStart : e.responseEnd;
    out.push({
      entryType: isNavigation ? 'navigation' : 'resource',
      name: e.name,
      type: isNavigation ? (e as PerformanceNavigationTiming).type : e.initiatorType,
      status: typeof e.responseStatus === 'number' ? e.responseStatus : 0,
      startedAt: origin + e.startTime,
      answeredAt: answered > 0 ? origin + answered : 0,
      ...(isNavigation && e.fetchStart > 0 ? { fetchedAt: origin + e.fetchStart } : {}),
    });
  }
  return out;
}

const ResultSchema = z.array(TimingEntrySchema).max(MAX_PAGE_ENTRIES + 1);

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
      results = await this.scripting.executeScript({ target: { tabId: frame.tabId, frameIds: [frame.frameId] }, func: readTimings, args: [frame.urls, frame.origins ?? [], MAX_PAGE_URL, MAX_PAGE_ENTRIES] });
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
