import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type JSHandle, type Page } from 'puppeteer-core';
import { asTarget, firstPresent, visibleMatch, visibleText, WAIT_MS, type Driver, type DriverPage, type Target } from './driver';
import { chooseAllSites } from './site-access';

/**
 * Launches Debian's Firefox ESR headless with puppeteer-core over WebDriver BiDi (no browser
 * download) and installs the built Firefox extension as a temporary add-on.
 *
 * - A fresh temporary profile per launch, deleted by `close()`.
 * - Extension pages get a fixed origin (pref `extensions.webextensions.uuids`), so tests know
 *   `moz-extension://<uuid>/…` before the add-on is installed.
 * - BiDi navigates to `moz-extension://` only with system access allowed
 *   (MOZ_REMOTE_ALLOW_SYSTEM_ACCESS), and even then `page.goto()` on an extension page never
 *   resolves: `openExtensionPage` starts the navigation and polls for the loaded page instead.
 *
 * Checked with Firefox ESR 140.12 (Debian bookworm) and puppeteer-core 25.16 on Node 20.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** The gecko id in wxt.config.ts. */
export const GECKO_ID = 'oauth-lens@oauth-lens.dev';
const EXTENSION_UUID = '0a7b6c1e-5d2f-4e8a-9b3c-1f2e3d4c5b6a';

/** Prefs that keep a test browser quiet and local: no updates, telemetry or first-run pages. */
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.topsites.contile.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  // Nothing leaves the machine: every non-loopback request goes to a closed local port
  // (loopback, where the demo runs, is never proxied).
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  // The demo's popup scenario opens a window from a click; keep it a window, not a blocked popup.
  'dom.disable_open_during_load': false,
};

export interface LaunchedFirefox {
  browser: Browser;
  driver: Driver;
  version: string;
}

/** `extension: false` (the page-load bench's floor) is the same Firefox with no add-on installed. */
export async function launchFirefox(options: { extensionDir?: string; siteAccess?: 'all' | 'none'; extension?: boolean } = {}): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH} (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`extension not built: ${extensionDir} has no manifest.json (run npx wxt build -b firefox)`);
  const profileDir = await mkdtemp(join(tmpdir(), 'oauth-lens-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // permissions.request grants without the doorhanger a headless browser cannot answer (test/support/site-access.ts).
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const id = withExtension ? await browser.installExtension(extensionDir) : GECKO_ID;
    if (id !== GECKO_ID) throw new Error(`installed add-on is ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;
  const driver: Driver = {
    name: 'firefox',
    newPage: async () => firefoxPage(await browser.newPage()),
    extensionUrl,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await openExtensionUrl(page, extensionUrl(path));
      return firefoxPage(page, true);
    },
    close,
  };
  if (withExtension && (options.siteAccess ?? 'all') === 'all') {
    try {
      await chooseAllSites(driver);
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { browser, driver, version: await browser.version() };
}

/** `page.goto()` on a moz-extension URL never resolves over BiDi: navigate, then poll. */
async function openExtensionUrl(page: Page, url: string): Promise<void> {
  let failed: unknown = null;
  page.goto(url).catch((error: unknown) => {
    failed = error;
  });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const loaded = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
    if (loaded) return;
    if (Date.now() > deadline) throw new Error(`extension page ${url} did not load within ${WAIT_MS} ms${failed ? ` (${String(failed)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until `fn(arg)` is truthy in the page; returns a handle to that value. Web pages use
 * puppeteer's in-page polling (it survives navigations); extension pages forbid the `Function()`
 * it relies on (CSP), so there the test polls with one evaluation per try.
 */
async function waitInPage<A>(page: Page, extension: boolean, fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<JSHandle> {
  if (!extension) return page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 100 }, arg as unknown);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.evaluateHandle(fn as (arg: unknown) => unknown, arg as unknown);
    if (await handle.evaluate((v) => Boolean(v))) return handle;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms on ${page.url()} for ${JSON.stringify(arg)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function firefoxPage(page: Page, extension = false): DriverPage {
  const waitForAny = async (targets: readonly Target[], timeoutMs = WAIT_MS) => {
    const handle = await waitInPage(page, extension, firstPresent, targets, timeoutMs);
    return ((await handle.jsonValue()) as number) - 1;
  };
  return {
    url: () => page.url(),
    async goto(url) {
      if (url.startsWith('moz-extension:')) {
        extension = true;
        return openExtensionUrl(page, url);
      }
      try {
        await page.goto(url);
      } catch (error) {
        // The page moved on by itself before its load (an auto-submitted form_post): Firefox
        // aborts the first load. The scenario's next wait says whether it got where it should.
        if (!String(error).includes('NS_BINDING_ABORTED')) throw error;
      }
    },
    async click(target) {
      const found = await waitInPage(page, extension, visibleMatch, asTarget(target), WAIT_MS);
      const element = found.asElement() as ElementHandle<Element> | null;
      if (!element) throw new Error(`nothing to click at ${JSON.stringify(target)}`);
      await element.click();
    },
    async fill(selector, value) {
      await waitForAny([{ selector }]);
      await page.locator(selector).fill(value);
    },
    waitForAny,
    textOf: (selector) => page.evaluate(visibleText, selector),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    async setViewport(width, height) {
      try {
        await page.setViewport({ width, height });
      } catch (error) {
        // Firefox ESR 140 sizes the viewport but lacks the screen-orientation command puppeteer
        // sends alongside it; anything else is a real failure.
        if (!String(error).includes('setScreenOrientationOverride')) throw error;
      }
    },
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}
