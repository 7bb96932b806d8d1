import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { chromiumDriver, CHROMIUM_PATH, EXTENSION_DIR, launchBrowser, preapproveSites, QUIET_ARGS, type LaunchedBrowser } from '../test/support/chromium';
import { chooseOnlySite } from '../test/support/site-access';
import { figure, median, type Figure } from './figure';
import { writeAblation, type Ablation } from './page-load-ablations';
import { servePage } from './page-load-page';

/**
 * Page load in steady state, in Debian's Chromium: seven warm browsers (no extension, an empty
 * worker, the `webRequest` permission without listeners, OAuth Lens on all sites and its twin
 * without code, OAuth Lens limited to one other site and its twin without code:
 * page-load-ablations.ts), each launched
 * once with its worker started, load the same page in turn, the order rotated every round so load
 * drift on a shared machine hits all of them alike (and reversed every other round, so each twin
 * goes first as often as OAuth Lens). A load is timed from navigation start to the later of the
 * load event and the page's last fetch/XHR. Reported: the median per-round ratio against no
 * extension, and each OAuth Lens variant against its twin; the load average is printed.
 *
 * The floors are Chromium's, not ours: an extension that holds the `webRequest` permission gets
 * every request of every page routed through the browser's webRequest proxy
 * (`WebRequestAPI::MayHaveProxies` counts extensions with the permission when they load; no
 * listener, URL filter or granted site enters that decision). `npm run bench --
 * page-load-mechanism` shows it: the permission alone costs what listeners for another site cost.
 */

type Variant = 'none' | Ablation | 'oauth-lens' | 'oauth-lens-limited';
/** The figures `npm run bench` reports. */
const VARIANTS: readonly Variant[] = ['none', 'empty-worker', 'webrequest-permission', 'empty-listeners', 'oauth-lens', 'limited-listeners', 'oauth-lens-limited'];
/** `npm run bench -- page-load-mechanism`: which part of having webRequest costs (page-load-ablations.ts). */
const MECHANISM: readonly Variant[] = ['none', 'empty-worker', 'navigation-only', 'webrequest-permission', 'narrow-listeners-no-extra', 'narrow-listeners', 'limited-listeners', 'empty-listeners', 'oauth-lens-limited'];

/** The one site OAuth Lens may access in the limited variant: not the bench page's (127.0.0.1). */
export const LIMITED_SITE = { address: 'http://localhost', pattern: 'http://localhost/*' };

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

let built = false;

/**
 * Builds the extension the bench measures, so it never times a stale or missing build. Once per
 * bench process: the popup and page-load groups measure the same build.
 */
export function buildExtension(): void {
  if (built) return;
  const root = resolve(import.meta.dirname, '..');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${String(r.status)})`);
  built = true;
}

/** Timed from navigation start to the later of the load event and the page's last fetch/XHR (page-load-page.ts). */
export function timeInPage(): number {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const doneAt = (window as { __doneAt?: number }).__doneAt ?? NaN;
  return nav ? Math.max(nav.loadEventEnd, doneAt) - nav.startTime : NaN;
}

/** In-page: has the page's last fetch/XHR finished? */
export const pageDone = (): boolean => typeof (window as { __doneAt?: number }).__doneAt === 'number';

async function loadOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(pageDone);
  return page.evaluate(timeInPage);
}

export type PageLoadResult<V extends string> = Record<V, { ms: number[]; ratios: number[] }>;

/**
 * Loads `url` `warmup + rounds` times with each variant's loader, the order rotated every round so
 * load drift on a shared machine hits all of them alike; ratios are against the first variant.
 */
export async function timeRounds<V extends string>(variants: readonly V[], load: Record<V, (url: string) => Promise<number>>, url: string, rounds: number, warmup: number): Promise<PageLoadResult<V>> {
  const result = Object.fromEntries(variants.map((v) => [v, { ms: [], ratios: [] }])) as unknown as PageLoadResult<V>;
  for (let i = 0; i < warmup + rounds; i++) {
    const order = variants.map((_, k) => variants[(k + i) % variants.length]!);
    // Reversed every other round: a variant and its twin (neighbours in `variants`) take turns
    // at going first, so whatever the load before leaves behind hits both alike.
    if (i % 2 === 1) order.reverse();
    const t = {} as Record<V, number>;
    for (const v of order) t[v] = await load[v](`${url}?run=${i}`);
    if (i < warmup) continue;
    for (const v of variants) {
      result[v].ms.push(t[v]);
      result[v].ratios.push(t[v] / t[variants[0]!]);
    }
  }
  return result;
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

const isAblation = (v: Variant): v is Ablation => v !== 'none' && v !== 'oauth-lens' && v !== 'oauth-lens-limited';

/** Loads the page `rounds` times in one warm browser per variant (the first must be 'none'). */
export async function measurePageLoad<V extends Variant>(variants: readonly V[], resources = 200, rounds = 30, warmup = 5): Promise<PageLoadResult<V>> {
  const server = await servePage(resources);
  const ablationDirs = new Map<Variant, string>();
  for (const v of variants) if (isAblation(v)) ablationDirs.set(v, writeAblation(v));
  const browsers: LaunchedBrowser[] = [];
  try {
    const launch = async (v: Variant): Promise<LaunchedBrowser> => {
      const b =
        v === 'none'
          ? await launchWithoutExtension()
          : v === 'oauth-lens-limited'
            ? await launchLimited()
            : await launchBrowser({ extension: true, extensionDir: isAblation(v) ? ablationDirs.get(v)! : EXTENSION_DIR });
      browsers.push(b);
      return b;
    };
    const load = {} as Record<V, (url: string) => Promise<number>>;
    for (const v of variants) {
      const page = await (await launch(v)).context.newPage();
      load[v] = (url) => loadOnce(page, url);
    }
    const before = loadavg();
    const result = await timeRounds(variants, load, server.url, rounds, warmup);
    const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`page load: ${variants.length} browsers × ${warmup + rounds} loads; load average (1/5/15 min) before ${fmt(before)}, after ${fmt(loadavg())}`);
    return result;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
    for (const dir of ablationDirs.values()) rmSync(dir, { recursive: true, force: true });
  }
}

const LABEL: Record<Variant, string> = {
  none: 'no extension',
  'empty-worker': 'empty MV3 worker',
  'empty-listeners': 'empty listeners (the same listeners, options and permissions, no code)',
  'limited-listeners': 'empty listeners limited to another site (the same listeners, options and permissions, no code)',
  'webrequest-permission': 'webRequest permission, no listener',
  'narrow-listeners': 'empty webRequest listeners + extraHeaders for another site only',
  'narrow-listeners-no-extra': 'empty webRequest listeners for another site only, no extraHeaders',
  'navigation-only': "OAuth Lens's webNavigation, tabs, runtime and permissions listeners only, no webRequest permission",
  'oauth-lens': 'OAuth Lens',
  'oauth-lens-limited': 'OAuth Lens, site access limited, page on another site',
};

export async function benchPageLoad(resources = 200, rounds = 40, options: { build?: boolean } = {}): Promise<Figure[]> {
  if (options.build ?? true) buildExtension();
  const r = await measurePageLoad(VARIANTS, resources, rounds);
  const page = `steady state, ${resources} sub-resources, median of ${rounds}`;
  const vs = (v: Variant, floor: Variant) => median(r[v].ms.map((ms, k) => ms / r[floor].ms[k]!));
  // How much one round's ratio moves: the spread a reader needs to judge a ratio near its budget.
  const spread = (v: Variant, floor: Variant) => {
    const ratios = r[v].ms.map((ms, k) => ms / r[floor].ms[k]!).sort((a, b) => a - b);
    const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!.toFixed(3);
    console.log(`page load: ${LABEL[v]} vs ${LABEL[floor]}: median ${vs(v, floor).toFixed(3)}, per-round ratios ${at(0.25)}–${at(0.75)} (interquartile) over ${ratios.length} rounds`);
  };
  spread('oauth-lens', 'empty-listeners');
  spread('oauth-lens-limited', 'limited-listeners');
  const info = Number.POSITIVE_INFINITY; // ablation rows explain the budget rows; they have none of their own
  const row = (v: Variant, budget: number) => figure(`page load (${page}): ${LABEL[v]} vs no extension`, median(r[v].ms), 'ms', median(r[v].ratios), budget);
  return [
    row('empty-worker', info),
    row('webrequest-permission', info),
    row('empty-listeners', info),
    // Issue 16 asked for ≤ 1.05 against no extension "if possible; if not, show it with the
    // ablation rows and stay within 1.02 of the floor". The rows above show it is not possible for
    // any extension holding webRequest in Chromium (the permission alone costs more than 1.05),
    // so these two are information and the floor ratios below carry the budgets.
    row('oauth-lens', info),
    // Our code's own cost: OAuth Lens over its twin without code (page-load-ablations.ts), the
    // median of the per-round ratios (the two are neighbours in
    // the round's order and take turns at going first).
    figure(`page load (${page}): OAuth Lens vs empty listeners (our code's own cost)`, median(r['oauth-lens'].ms), 'ms', vs('oauth-lens', 'empty-listeners'), 1.02),
    row('limited-listeners', info),
    row('oauth-lens-limited', info),
    // Outside the chosen sites OAuth Lens gets no webRequest event, but Chromium still routes the
    // page's requests through its webRequest proxy and, because a listener asks for
    // `extraHeaders`, through the network service's header client: the limited twin's floor.
    figure(`page load (${page}): ${LABEL['oauth-lens-limited']} vs empty listeners limited the same way (our code's own cost)`, median(r['oauth-lens-limited'].ms), 'ms', vs('oauth-lens-limited', 'limited-listeners'), 1.02),
    // Information: what the extra listeners cost over the bare permission (Chromium's, not ours).
    figure(`page load (${page}): ${LABEL['oauth-lens-limited']} vs the webRequest permission alone`, median(r['oauth-lens-limited'].ms), 'ms', vs('oauth-lens-limited', 'webrequest-permission'), info),
  ];
}

/** Which part of having webRequest makes a page slower: information rows, no budget. */
export async function benchPageLoadMechanism(resources = 200, rounds = 30, options: { build?: boolean } = {}): Promise<Figure[]> {
  if (options.build ?? true) buildExtension();
  const r = await measurePageLoad(MECHANISM, resources, rounds);
  const page = `steady state, ${resources} sub-resources, median of ${rounds}`;
  return MECHANISM.slice(1).map((v) => figure(`page load (${page}): ${LABEL[v]} vs no extension`, median(r[v].ms), 'ms', median(r[v].ratios), Number.POSITIVE_INFINITY));
}
