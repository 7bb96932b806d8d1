import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { chromiumDriver, CHROMIUM_PATH, EXTENSION_DIR, launchBrowser, preapproveSites, QUIET_ARGS, type LaunchedBrowser } from '../test/support/chromium';
import { chooseOnlySite } from '../test/support/site-access';
import { figure, median, type Figure } from './figure';
import { writeAblation } from './page-load-ablations';
import { servePage } from './page-load-page';

/**
 * Page load in steady state, in Debian's Chromium: five warm browsers (no extension, an empty
 * worker, empty webRequest listeners with `extraHeaders`, OAuth Lens on all sites, OAuth Lens
 * limited to one other site), each launched once with its
 * worker started, load the same page in turn, the order rotated every round so load drift on a
 * shared machine hits all of them alike. A load is timed from navigation start to the later of
 * the load event and the page's last fetch/XHR. Reported: the median per-round ratio against
 * no extension, and OAuth Lens against the empty-listener floor.
 */

type Variant = 'none' | 'empty-worker' | 'empty-listeners' | 'oauth-lens' | 'oauth-lens-limited';
const VARIANTS: readonly Variant[] = ['none', 'empty-worker', 'empty-listeners', 'oauth-lens', 'oauth-lens-limited'];

/** The one site OAuth Lens may access in the limited variant: not the bench page's (127.0.0.1). */
const LIMITED_SITE = { address: 'http://localhost', pattern: 'http://localhost/*' };

/** OAuth Lens with "Only on these sites" chosen on its options page, the page's site not among them. */
async function launchLimited(): Promise<LaunchedBrowser> {
  const b = await launchBrowser({ extension: true, extensionDir: EXTENSION_DIR, siteAccess: 'none' });
  try {
    await preapproveSites(b.context, b.extensionId!, [LIMITED_SITE.pattern]);
    await chooseOnlySite(chromiumDriver(b), LIMITED_SITE.address, LIMITED_SITE.pattern);
  } catch (error) {
    await b.close();
    throw error;
  }
  return b;
}

/** Builds the extension the bench measures, so it never times a stale or missing build. */
export function buildExtension(): void {
  const root = resolve(import.meta.dirname, '..');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${String(r.status)})`);
}

async function loadOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof (window as { __doneAt?: number }).__doneAt === 'number');
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const doneAt = (window as { __doneAt?: number }).__doneAt ?? NaN;
    return nav ? Math.max(nav.loadEventEnd, doneAt) - nav.startTime : NaN;
  });
}

/**
 * No extension: the same Chromium with the same switches and extensions enabled, minus ours
 * (Playwright's default `--disable-extensions` would also switch off Chromium's built-in
 * component extensions and make the floor a browser no user runs).
 */
async function launchWithoutExtension(): Promise<LaunchedBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'oauth-lens-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: QUIET_ARGS, ignoreDefaultArgs: ['--disable-extensions'] });
  return {
    context,
    extensionId: null,
    serviceWorker: null,
    profileDir,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export type PageLoadResult = Record<Variant, { ms: number[]; ratios: number[] }>;

export async function measurePageLoad(resources = 200, rounds = 30, warmup = 5): Promise<PageLoadResult> {
  const server = await servePage(resources);
  const ablationDirs = { 'empty-worker': writeAblation('empty-worker'), 'empty-listeners': writeAblation('empty-listeners') };
  const browsers: LaunchedBrowser[] = [];
  try {
    const launch = async (v: Variant): Promise<LaunchedBrowser> => {
      const b =
        v === 'none'
          ? await launchWithoutExtension()
          : v === 'oauth-lens-limited'
            ? await launchLimited()
            : await launchBrowser({ extension: true, extensionDir: v === 'oauth-lens' ? EXTENSION_DIR : ablationDirs[v] });
      browsers.push(b);
      return b;
    };
    const pages = {} as Record<Variant, Page>;
    for (const v of VARIANTS) pages[v] = await (await launch(v)).context.newPage();
    const result = Object.fromEntries(VARIANTS.map((v) => [v, { ms: [], ratios: [] }])) as unknown as PageLoadResult;
    for (let i = 0; i < warmup + rounds; i++) {
      const url = `${server.url}?run=${i}`;
      // Rotate the order so no variant always loads first (or last) in a round.
      const order = VARIANTS.map((_, k) => VARIANTS[(k + i) % VARIANTS.length]!);
      const t = {} as Record<Variant, number>;
      for (const v of order) t[v] = await loadOnce(pages[v], url);
      if (i < warmup) continue;
      for (const v of VARIANTS) {
        result[v].ms.push(t[v]);
        result[v].ratios.push(t[v] / t.none);
      }
    }
    return result;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
    for (const dir of Object.values(ablationDirs)) rmSync(dir, { recursive: true, force: true });
  }
}

const LABEL: Record<Variant, string> = {
  none: 'no extension',
  'empty-worker': 'empty MV3 worker',
  'empty-listeners': 'empty webRequest listeners + extraHeaders',
  'oauth-lens': 'OAuth Lens',
  'oauth-lens-limited': 'OAuth Lens, site access limited, page on another site',
};

export async function benchPageLoad(resources = 200, rounds = 30, options: { build?: boolean } = {}): Promise<Figure[]> {
  if (options.build ?? true) buildExtension();
  const r = await measurePageLoad(resources, rounds);
  const page = `steady state, ${resources} sub-resources, median of ${rounds}`;
  const vsFloor = r['oauth-lens'].ms.map((ms, k) => ms / r['empty-listeners'].ms[k]!);
  const info = Number.POSITIVE_INFINITY; // ablation rows explain the budget rows; they have none of their own
  return [
    figure(`page load (${page}): ${LABEL['empty-worker']} vs no extension`, median(r['empty-worker'].ms), 'ms', median(r['empty-worker'].ratios), info),
    figure(`page load (${page}): ${LABEL['empty-listeners']} vs no extension`, median(r['empty-listeners'].ms), 'ms', median(r['empty-listeners'].ratios), info),
    figure(`page load (${page}): OAuth Lens vs no extension`, median(r['oauth-lens'].ms), 'ms', median(r['oauth-lens'].ratios), 1.05),
    figure(`page load (${page}): OAuth Lens vs empty listeners (our code's own cost)`, median(r['oauth-lens'].ms), 'ms', median(vsFloor), 1.02),
    // Outside the chosen sites the browser keeps requests away from the extension: no cost at all.
    figure(`page load (${page}): ${LABEL['oauth-lens-limited']} vs no extension`, median(r['oauth-lens-limited'].ms), 'ms', median(r['oauth-lens-limited'].ratios), 1.05),
  ];
}
