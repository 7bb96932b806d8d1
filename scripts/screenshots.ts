import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from '../demo/index';
import { chromiumDriver, launchBrowser, type LaunchedBrowser } from '../test/support/chromium';
import type { DriverPage } from '../test/support/driver';
import { SCENARIOS } from '../test/support/scenarios';

/**
 * `npm run screenshots`: the store and README screenshots, made from the demo's scenarios in real
 * Chromium with the built extension (run after `wxt build`; the npm script does both), at
 * 1280×800 in light and dark, into docs/screenshots/<name>-light.png and -dark.png. They are made
 * again from the running product, so they never show an old UI.
 *
 * To add a page, add a Shot to SHOTS: `open` returns the page to capture, already showing what the
 * picture is about; the script sets the size and colour scheme and waits for fonts.
 *
 *   node --import tsx scripts/screenshots.ts [name…]   only the named shots
 */
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const SIZE = { width: 1280, height: 800 };
const HAR_DIR = join(ROOT, 'test', 'fixtures', 'har');
const TIMEOUT = 20_000;

interface ShotContext {
  browser: LaunchedBrowser;
  demo: Demo;
  /** Runs a demo scenario in a new tab; returns that tab. */
  scenario(name: string): Promise<DriverPage>;
  /** The panel page for the tab of `page`, opened as an extension tab (devtools-panel.html?tabId=N). */
  panelFor(page: DriverPage): Promise<Page>;
  /** A new tab at an extension page, e.g. 'viewer.html'. */
  extensionPage(path: string): Promise<Page>;
  /** The extension's tab id of `page`. */
  tabIdOf(page: DriverPage): Promise<number>;
}

interface Shot {
  name: string;
  /** What the picture shows (alt text in the README and store). */
  title: string;
  open(ctx: ShotContext): Promise<Page>;
}

const findings = (page: Page) => page.locator('.ol-finding-meta .ol-mono');

async function waitForFinding(page: Page, check: string): Promise<void> {
  await findings(page).filter({ hasText: check }).first().waitFor({ timeout: TIMEOUT });
}

/** The panel on a failing scenario, once the finding that explains it shows (the flow is selected by itself). */
function failingPanel(name: string, scenario: string, check: string, title: string): Shot {
  return {
    name,
    title,
    async open(ctx) {
      const panel = await ctx.panelFor(await ctx.scenario(scenario));
      await waitForFinding(panel, check);
      return panel;
    },
  };
}

const SHOTS: readonly Shot[] = [
  failingPanel('panel-state-mismatch', 'forged-state', 'state-mismatch', 'The DevTools panel on a login whose callback state differs from the state sent'),
  failingPanel('panel-pkce-mismatch', 'pkce-mismatch', 'pkce-verifier-mismatch', 'A single-page app whose token request fails: the PKCE verifier does not match the challenge'),
  {
    name: 'panel-success',
    title: 'A working SPA login with PKCE (discovery, authorize, callback, token, userinfo), its token request selected',
    async open(ctx) {
      const panel = await ctx.panelFor(await ctx.scenario('spa-pkce-success'));
      const row = panel.locator('.ol-flow-row', { hasText: 'demo-spa' }).first();
      await row.waitFor({ timeout: TIMEOUT });
      await row.click();
      await panel.locator('.ol-step-row', { hasText: 'userinfo' }).first().waitFor({ timeout: TIMEOUT });
      // The token request: its form body shows code, redirect_uri and code_verifier.
      await panel.locator('.ol-step-row', { has: panel.locator('.ol-kind-token') }).first().click();
      await panel.getByRole('tab', { name: 'Request' }).click();
      return panel;
    },
  },
  {
    name: 'viewer-diff',
    title: 'The viewer comparing a working and a failing login',
    async open(ctx) {
      const viewer = await ctx.extensionPage('viewer.html');
      await viewer.getByRole('tab', { name: 'Diff' }).click();
      await viewer.setInputFiles('input[aria-label="Working trace file"]', join(HAR_DIR, 'confidential-success.har'));
      await viewer.setInputFiles('input[aria-label="Failing trace file"]', join(HAR_DIR, 'forged-state.har'));
      await viewer.locator('.ol-diff-table').first().waitFor({ timeout: TIMEOUT });
      return viewer;
    },
  },
  {
    name: 'popup',
    title: 'The toolbar popup: the flows of the current tab, outcome in words, client, provider and first error',
    async open(ctx) {
      const tab = await ctx.scenario('forged-state');
      await tab.goto(`${ctx.demo.rpUrl}/login/web`);
      await tab.waitForAny([{ selector: 'body', hasText: 'Hello Alice Example' }], TIMEOUT);
      const popup = await ctx.extensionPage(`popup.html?tabId=${await ctx.tabIdOf(tab)}`);
      await popup.setViewportSize({ width: 664, height: 260 });
      await popup.locator('.ol-popup-row').nth(1).waitFor({ timeout: TIMEOUT });
      return popup;
    },
  },
  {
    name: 'welcome',
    title: 'The welcome page shown once after install: where the panel is, what is captured, nothing leaves the browser',
    async open(ctx) {
      const welcome = await ctx.extensionPage('welcome.html');
      await welcome.setViewportSize({ width: 1000, height: 1000 });
      await welcome.getByRole('heading', { level: 1 }).waitFor({ timeout: TIMEOUT });
      return welcome;
    },
  },
];

type TabsApi = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };

function context(browser: LaunchedBrowser, demo: Demo): ShotContext {
  const extensionPage = async (path: string) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return page;
  };
  const tabIdOf = async (page: DriverPage): Promise<number> => {
    const probe = await extensionPage('catalog.html');
    const ids = await probe.evaluate(async (target) => {
      const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
      return tabs.filter((t) => t.url === target).map((t) => t.id ?? -1);
    }, page.url());
    await probe.close();
    const tabId = ids[0];
    if (ids.length !== 1 || tabId === undefined) throw new Error(`expected one tab at ${page.url()}, found ${ids.length}`);
    return tabId;
  };
  return {
    browser,
    demo,
    async scenario(name) {
      const found = SCENARIOS.find((s) => s.name === name);
      if (!found) throw new Error(`no demo scenario named ${name}`);
      return found.run(chromiumDriver(browser), demo);
    },
    tabIdOf,
    async panelFor(page) {
      const tabId = await tabIdOf(page);
      const panel = await extensionPage(`devtools-panel.html?tabId=${tabId}`);
      await panel.locator('.ol-flow-row').first().waitFor({ timeout: TIMEOUT });
      return panel;
    },
    extensionPage,
  };
}

async function capture(page: Page, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    const path = join(OUT, `${name}-${scheme}.png`);
    await page.screenshot({ path });
    files.push(path);
  }
  return files;
}

async function main(only: readonly string[]): Promise<void> {
  const shots = only.length ? SHOTS.filter((s) => only.includes(s.name)) : SHOTS;
  const unknown = only.filter((n) => !SHOTS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown shot ${unknown.join(', ')}; known: ${SHOTS.map((s) => s.name).join(', ')}`);
  await mkdir(OUT, { recursive: true });
  const demo = await startDemo({ interaction: 'auto' });
  const browser = await launchBrowser({ extension: true }).catch(async (error: unknown) => {
    await demo.close();
    throw error;
  });
  try {
    // The first navigation right after launch can reach the worker before its listeners (see
    // test/e2e/harness.ts): one page first.
    const warm = await browser.context.newPage();
    await warm.goto(demo.rpUrl);
    await warm.close();
    const ctx = context(browser, demo);
    for (const shot of shots) {
      const page = await shot.open(ctx).catch(async (error: unknown) => {
        // What the browser showed when it went wrong, for the person fixing the shot.
        const pages = browser.context.pages();
        const failed = join(ROOT, 'test-results', `screenshot-${shot.name}-failed.png`);
        await pages[pages.length - 1]?.screenshot({ path: failed }).catch(() => undefined);
        throw new Error(`shot ${shot.name}: ${error instanceof Error ? error.message : String(error)} (page as it was: ${failed.slice(ROOT.length + 1)})`);
      });
      for (const file of await capture(page, shot.name)) console.log(file.slice(ROOT.length + 1));
      // Scenario tabs end on the same URLs (e.g. /spa): a clean slate for the next shot.
      for (const open of browser.context.pages()) await open.close();
    }
  } finally {
    await browser.close();
    await demo.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
