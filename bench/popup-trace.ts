/**
 * Where the toolbar popup's open time goes: records a Chromium trace (CDP Tracing) of popup.html
 * opening over a tab with 50 logins, and of an empty page of the same extension, and prints each
 * as a timeline of the threads that worked (browser main/IO, the extension's renderer main thread,
 * the background service worker), in ms after the page's navigation start.
 *
 * With `--opens N`: N traced opens of each in turns, and the median main-thread work of the page's
 * renderer from navigation start to rows painted (popup) or first paint (empty page): what the
 * page costs in CPU, less sensitive than wall time to what else the machine runs.
 *
 * Run: node --import tsx bench/popup-trace.ts [DIR] [--logins N] [--keep FILE] [--opens N]   (prints, asserts nothing)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { startDemo } from '../demo/index';
import { EXTENSION_DIR, launchBrowser } from '../test/support/chromium';
import { median } from './figure';
import { copyWithEmptyPage, EMPTY_PAGE, loginTimes, tabIdOf } from './popup-chromium';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'navigation',
  'v8',
  'v8.execute',
  'toplevel',
  'blink',
  'extensions',
  'ServiceWorker',
  'renderer.scheduler',
  'content',
  '__metadata',
].join(',');

async function record(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

async function traceOpen(context: BrowserContext, url: string, until: string): Promise<TraceEvent[]> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 660, height: 600 });
    const cdp = await context.newCDPSession(page);
    return await record(cdp, async () => {
      await page.goto(url);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, until, { timeout: 15_000 });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 15_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    });
  } finally {
    await page.close();
  }
}

/** Thread names from the metadata events. */
function threadNames(events: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  return names;
}

/** Prints top-level slices ≥ minMs on each thread, relative to the navigation start of `url`. */
function summarize(label: string, events: TraceEvent[], url: string, minMs = 0.5): void {
  const names = threadNames(events);
  const nav = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args ?? {}).includes(url.split('?')[0]!));
  const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  console.log(`\n=== ${label}: ${url} (t0 ${nav ? 'navigationStart' : 'first event'})`);
  const marks = events.filter((e) => e.cat.includes('user_timing') || ['firstContentfulPaint', 'firstPaint', 'domContentLoadedEventEnd', 'loadEventEnd', 'MarkDOMContent', 'MarkLoad', 'MarkFirstPaint', 'firstMeaningfulPaint'].includes(e.name));
  for (const m of marks) if (m.ts >= t0) console.log(`  mark ${((m.ts - t0) / 1000).toFixed(1).padStart(7)}  ${m.name}`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < t0 - 50_000 || (e.dur ?? 0) < minMs * 1000) continue;
    const k = `${e.pid}:${e.tid}`;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    const busy = list.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').reduce((n, e) => n + (e.dur ?? 0), 0);
    console.log(`  -- thread ${names.get(k) ?? k} (${k}), RunTask total ${(busy / 1000).toFixed(1)} ms`);
    const stack: TraceEvent[] = [];
    for (const e of list) {
      while (stack.length && stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0) <= e.ts) stack.pop();
      if (stack.length < Number(arg('--depth') ?? 4)) {
        const detail = (e.args?.data as { url?: string; functionName?: string } | undefined)?.url ?? (e.args?.data as { functionName?: string } | undefined)?.functionName ?? '';
        console.log(`    ${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${'  '.repeat(stack.length)}${e.name} ${String(detail).replace(/^chrome-extension:\/\/[a-z]+/, '')}`);
      }
      stack.push(e);
    }
  }
}

/** Main-thread work (top-level tasks, ms) of the page's renderer from its navigation start to the `until` mark. */
function mainThreadWork(events: TraceEvent[], url: string, until: string): number {
  const nav = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args ?? {}).includes(url.split('?')[0]!));
  const end = events.find((e) => e.name === until && nav && e.pid === nav.pid && e.ts >= nav.ts);
  if (!nav || !end) return NaN;
  return events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts && e.ts < end.ts).reduce((n, e) => n + Math.min(e.dur ?? 0, end.ts - e.ts), 0) / 1000;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dir = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : EXTENSION_DIR);
const logins = Number(arg('--logins') ?? 50);
const demo = await startDemo({ interaction: 'auto' });
const copy = copyWithEmptyPage(dir);
const browser = await launchBrowser({ extension: true, extensionDir: copy });
try {
  const app = await browser.context.newPage();
  await loginTimes(app, demo, logins);
  const tabId = await tabIdOf(browser, app.url());
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
  const emptyUrl = `chrome-extension://${browser.extensionId}/${EMPTY_PAGE}`;
  // Warm: the first open of each compiles and caches; the bench's median is over warm opens.
  for (let i = 0; i < 3; i++) {
    await traceOpen(browser.context, popupUrl, 'ol-popup-rows');
    await traceOpen(browser.context, emptyUrl, 'first-contentful-paint');
  }
  const opens = Number(arg('--opens') ?? 0);
  if (opens) {
    const work: Record<'popup' | 'empty', number[]> = { popup: [], empty: [] };
    for (let i = 0; i < opens; i++) {
      work.popup.push(mainThreadWork(await traceOpen(browser.context, popupUrl, 'ol-popup-rows'), popupUrl, 'ol-popup-rows'));
      work.empty.push(mainThreadWork(await traceOpen(browser.context, emptyUrl, 'first-contentful-paint'), emptyUrl, 'firstContentfulPaint'));
    }
    for (const [k, v] of Object.entries(work)) console.log(`${k}: main-thread work until ${k === 'popup' ? 'rows painted' : 'first paint'}, median ${median(v).toFixed(1)} ms (${v.map((x) => x.toFixed(0)).join(' ')})`);
  }
  const popup = await traceOpen(browser.context, popupUrl, 'ol-popup-rows');
  const empty = await traceOpen(browser.context, emptyUrl, 'first-contentful-paint');
  const keep = arg('--keep');
  if (keep) {
    writeFileSync(`${keep}-popup.json`, JSON.stringify({ traceEvents: popup }));
    writeFileSync(`${keep}-empty.json`, JSON.stringify({ traceEvents: empty }));
  }
  summarize('popup', popup, popupUrl, Number(arg('--min') ?? 0.5));
  summarize('empty', empty, emptyUrl, Number(arg('--min') ?? 0.5));
} finally {
  await browser.close();
  await demo.close();
}
