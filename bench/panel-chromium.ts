import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_ARGS } from '../test/support/chromium';
import type { PanelData } from '../components/view-models/panel-types';
import { plural } from '../components/view-models/format';
import { figure, median, type Figure } from './figure';
import { syntheticPanelData } from './panel-render';

/**
 * Time to first render of the real panel page (`devtools-panel.html?tabId=N`) in Debian's
 * Chromium: the extension is built in WXT's `preview` mode (as test/support/panel-preview.ts
 * does) into a temporary directory, and already-analysed data — what the background sends — is
 * handed to the page's preview-only hook. Measured inside the page from `render` to the frame
 * after it (layout and paint included). Production builds do not contain the hook.
 */

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Headless Chromium paces frames by a display vsync that, on this machine, came about once a
 * second once the page had been idle: every render then measured ~1 s whatever its size (issue
 * 16: the README's 0.999). Without that pacing the next frame follows as soon as the main
 * thread and the compositor are free, so the time measured is the render, layout and paint.
 */
export const UNTHROTTLED_FRAMES = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

interface PreviewWindow {
  __oauthLensPreviewData(data: PanelData | null): void;
  __benchData?: PanelData | null;
}

export async function buildPreviewExtension(outDir: string): Promise<string> {
  const { build } = await import('wxt');
  const quiet = () => undefined;
  const logger = { debug: quiet, info: quiet, warn: quiet, error: console.error, fatal: console.error, success: quiet, log: quiet, level: 0 };
  // WXT's progress spinner writes to stdout directly; keep the bench table clean.
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  // WXT takes NODE_ENV from the mode when it is unset, and 'preview' made a development build
  // (Preact's debug checks and JSX source info on every element): measured, that was not the
  // panel users run. Production code, plus the preview hook; NODE_ENV restored for later builds.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'preview', outDir, browser: 'chrome', logger: logger as never });
  } finally {
    process.stdout.write = write;
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return join(outDir, 'chrome-mv3-preview');
}

/** First-render milliseconds of `data` in the open panel page, `runs` times (each from unmounted). */
async function renderTimes(page: Page, data: PanelData, runs: number): Promise<number[]> {
  // Handing the data over is not part of the render: it is parked in the page first.
  // As JSON text: Playwright's own argument serializer is far slower on 50k-step objects.
  await page.evaluate((json) => {
    (window as unknown as PreviewWindow).__benchData = JSON.parse(json) as PanelData;
  }, JSON.stringify(data));
  const times: number[] = [];
  const steps = data.analysis.flows.reduce((n, f) => n + f.steps.length, 0);
  for (let i = 0; i < runs; i++) {
    times.push(
      await page.evaluate(async () => {
        const w = window as unknown as PreviewWindow;
        w.__oauthLensPreviewData(null);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t = performance.now();
        w.__oauthLensPreviewData(w.__benchData ?? null);
        // The next frame after the render: layout and paint of what was rendered are included.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t;
      }),
    );
    // What was timed is the panel showing this data: its status bar counts every step.
    const shown = await page.locator('.ol-app').getByText(plural(steps, 'step'), { exact: true }).count();
    if (shown === 0) throw new Error(`the panel does not show the ${steps} steps it was given`);
  }
  await page.evaluate(() => {
    (window as unknown as PreviewWindow).__benchData = null;
  });
  return times;
}

/**
 * Not timed: only the rows on screen are built, so check that the rest is still there. Scrolled
 * to its end, the flow list shows its oldest flow; End in the list selects it and shows its steps.
 */
async function reachesTheEnd(page: Page, data: PanelData): Promise<void> {
  const last = data.analysis.flows.length - 1;
  await page.evaluate((json) => {
    const w = window as unknown as PreviewWindow;
    w.__oauthLensPreviewData(JSON.parse(json) as PanelData);
  }, JSON.stringify(data));
  const list = page.getByRole('listbox', { name: 'Flows, newest first' });
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await page.locator(`#ol-flow-${last}`).waitFor({ timeout: 10_000 });
  await list.evaluate((el) => el.scrollTo({ top: 0 }));
  await list.focus();
  await page.keyboard.press('End');
  const oldest = data.analysis.flows[0]!;
  await page.locator(`#ol-flow-${last}[aria-selected="true"]`).waitFor({ timeout: 10_000 });
  await page.locator('.ol-step-row').first().getByText(new URL(oldest.steps[0]!.url).search, { exact: true }).waitFor({ timeout: 10_000 });
  await page.evaluate(() => (window as unknown as PreviewWindow).__oauthLensPreviewData(null));
}

export interface PanelChromiumResult {
  small: number[];
  large: number[];
}

export async function measurePanelChromium(smallSteps = 500, largeSteps = 50_000, runs = 7, stepsPerFlow = 10): Promise<PanelChromiumResult> {
  const work = await mkdtemp(join(tmpdir(), 'oauth-lens-bench-panel-'));
  try {
    const ext = await buildPreviewExtension(join(work, 'ext'));
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...QUIET_ARGS, ...UNTHROTTLED_FRAMES, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
      ignoreDefaultArgs: ['--disable-extensions'],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/devtools-panel.html?tabId=7`);
      await page.waitForFunction(() => '__oauthLensPreviewData' in window);
      const small = syntheticPanelData(smallSteps, stepsPerFlow);
      const large = syntheticPanelData(largeSteps, stepsPerFlow);
      await renderTimes(page, small, 2); // warm-up: JIT and styles
      // Interleaved, so machine load drifts onto both sides alike.
      const result: PanelChromiumResult = { small: [], large: [] };
      for (let i = 0; i < runs; i++) {
        result.small.push(...(await renderTimes(page, small, 1)));
        result.large.push(...(await renderTimes(page, large, 1)));
      }
      await reachesTheEnd(page, large);
      return result;
    } finally {
      await context.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

export async function benchPanelChromium(smallSteps = 500, largeSteps = 50_000, runs = 7): Promise<Figure[]> {
  const r = await measurePanelChromium(smallSteps, largeSteps, runs);
  const large = median(r.large);
  return [figure(`panel first render in Chromium, ${largeSteps} steps vs ${smallSteps}`, large, 'ms', large / median(r.small), 1.5)];
}
