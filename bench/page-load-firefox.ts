import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type LaunchedFirefox } from '../test/support/firefox';
import { chooseOnlySite } from '../test/support/site-access';
import { figure, median, type Figure } from './figure';
import { LIMITED_SITE, pageDone, timeInPage, timeRounds } from './page-load';
import { servePage } from './page-load-page';

/**
 * `npm run bench -- page-load-firefox`: the page-load figure in Firefox ESR (MV2, a background
 * page), three warm browsers: no add-on, OAuth Lens on all sites, OAuth Lens limited to another
 * site. Firefox matches webRequest URL filters and host permissions before anything reaches the
 * extension, so limited access is expected to cost what no add-on costs. Information rows.
 */
type FirefoxVariant = 'none' | 'oauth-lens' | 'oauth-lens-limited';
const VARIANTS: readonly FirefoxVariant[] = ['none', 'oauth-lens', 'oauth-lens-limited'];

function buildFirefoxExtension(): void {
  const r = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: resolve(import.meta.dirname, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`wxt build -b firefox failed (exit ${String(r.status)})`);
}

async function launch(v: FirefoxVariant): Promise<LaunchedFirefox> {
  if (v === 'none') return launchFirefox({ extension: false });
  if (v === 'oauth-lens') return launchFirefox();
  const b = await launchFirefox({ siteAccess: 'none' });
  try {
    await chooseOnlySite(b.driver, LIMITED_SITE.address, LIMITED_SITE.pattern);
  } catch (error) {
    await b.driver.close();
    throw error;
  }
  return b;
}

async function loadOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(pageDone);
  return page.evaluate(timeInPage);
}

export async function benchPageLoadFirefox(resources = 200, rounds = 30, options: { build?: boolean; warmup?: number } = {}): Promise<Figure[]> {
  if (options.build ?? true) buildFirefoxExtension();
  const server = await servePage(resources);
  const browsers: LaunchedFirefox[] = [];
  try {
    const load = {} as Record<FirefoxVariant, (url: string) => Promise<number>>;
    for (const v of VARIANTS) {
      const b = await launch(v);
      browsers.push(b);
      const page = await b.browser.newPage();
      load[v] = (url) => loadOnce(page, url);
    }
    const r = await timeRounds(VARIANTS, load, server.url, rounds, options.warmup ?? 5);
    const page = `Firefox ESR, steady state, ${resources} sub-resources, median of ${rounds}`;
    const row = (v: FirefoxVariant, label: string) => figure(`page load (${page}): ${label} vs no add-on`, median(r[v].ms), 'ms', median(r[v].ratios), Number.POSITIVE_INFINITY);
    return [row('oauth-lens', 'OAuth Lens'), row('oauth-lens-limited', 'OAuth Lens, site access limited, page on another site')];
  } finally {
    for (const b of browsers) await b.driver.close();
    await server.close();
  }
}
