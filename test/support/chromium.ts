import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { asTarget, firstPresent, visibleText, WAIT_MS, type Driver, type DriverPage, type Target } from './driver';
import { chooseAllSites } from './site-access';

/**
 * Launches Debian's Chromium with Playwright for e2e tests and fixture recording.
 *
 * - A fresh temporary profile per launch (no cookies, sessions or consent carry over); it is
 *   deleted by `close()`.
 * - `extension: true` loads the built extension from `.output/chrome-mv3` (run `npx wxt build`
 *   first) and waits for its service worker; `extensionId` comes from the worker URL.
 * - `recordHarPath` records every request of the context into a HAR with bodies embedded
 *   (token JSON included); the file is written when `close()` runs.
 * - Headless by default: Playwright's headless is Chromium's new headless, where MV3 extensions
 *   load. `/usr/bin/chromium` is a wrapper script that misbehaves here, so the binary is used.
 *
 *   const browser = await launchBrowser({ extension: true });
 *   const page = await browser.context.newPage();
 *   … await browser.close();
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LaunchOptions {
  extension?: boolean;
  /** Load the extension from here instead of EXTENSION_DIR (e.g. a snapshot that a rebuild cannot touch). */
  extensionDir?: string;
  recordHarPath?: string;
  headless?: boolean;
  /** Extra Chromium switches, e.g. '--auto-open-devtools-for-tabs'. */
  args?: string[];
  /**
   * OAuth Lens asks for site access on its options page; by default the launcher chooses
   * "Capture on all sites" there, as a user would first thing. 'none' leaves it ungranted.
   */
  siteAccess?: 'all' | 'none';
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Set when `extension` was asked for. */
  extensionId: string | null;
  serviceWorker: Worker | null;
  profileDir: string;
  close(): Promise<void>;
}

/** Switches that keep a test browser quiet and local: no sync, updates or background traffic. */
export const QUIET_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-breakpad',
  '--metrics-recording-only',
];

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROME_PATH)`);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (options.extension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`extension not built: ${extensionDir} has no manifest.json (run npx wxt build)`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'oauth-lens-profile-'));
  const args = [...QUIET_ARGS, ...(options.args ?? [])];
  if (options.extension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      args,
      // Playwright adds --disable-extensions by default; extensions need it gone.
      ignoreDefaultArgs: options.extension ? ['--disable-extensions'] : [],
      ...(options.recordHarPath ? { recordHar: { path: options.recordHarPath, content: 'embed' as const } } : {}),
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }

  let serviceWorker: Worker | null = null;
  if (options.extension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  }
  const extensionId = serviceWorker ? new URL(serviceWorker.url()).host : null;

  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const launched = { context, extensionId, serviceWorker, profileDir, close };
  if (extensionId && (options.siteAccess ?? 'all') === 'all' && asksForSiteAccess(extensionDir)) {
    try {
      await preapproveSites(context, extensionId, [ALL_SITES_PATTERN]);
      await chooseAllSites(chromiumDriver(launched));
    } catch (error) {
      await close();
      throw error;
    }
  }
  return launched;
}

const ALL_SITES_PATTERN = '*://*/*';

/** Builds with an options page that asks for site access (OAuth Lens; not the bench's ablation extensions). */
function asksForSiteAccess(extensionDir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { optional_host_permissions?: string[] };
  return manifest.optional_host_permissions?.includes(ALL_SITES_PATTERN) === true;
}

/**
 * What the browser's "Allow" prompt records, done on chrome://extensions (its site access
 * settings, `developerPrivate.addHostPermission`): the prompt cannot be clicked headless. The
 * extension still has to ask with a user gesture (`permissions.request` from a click) before
 * the sites are active; the request then resolves without a prompt.
 */
export async function preapproveSites(context: BrowserContext, extensionId: string, patterns: readonly string[]): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async ({ id, hosts }) => {
        const dp = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
        for (const host of hosts) await dp.addHostPermission(id, host);
      },
      { id: extensionId, hosts: [...patterns] },
    );
  } finally {
    await page.close();
  }
}

/** A Playwright page as a scenario driver page (test/support/driver.ts). */
export function chromiumPage(page: Page): DriverPage {
  return {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url);
    },
    click: async (target) => {
      const { selector, hasText } = asTarget(target);
      await page.locator(selector, hasText === undefined ? {} : { hasText }).first().click({ timeout: WAIT_MS });
    },
    fill: (selector, value) => page.fill(selector, value, { timeout: WAIT_MS }),
    async waitForAny(targets: readonly Target[], timeoutMs = WAIT_MS) {
      const handle = await page.waitForFunction(firstPresent, targets, { timeout: timeoutMs, polling: 100 });
      return (await handle.jsonValue()) - 1;
    },
    textOf: (selector) => page.evaluate(visibleText, selector),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

/** The launched browser behind the browser-neutral driver interface (scenarios, HAR recorder, e2e). */
export function chromiumDriver({ context, extensionId, close }: LaunchedBrowser): Driver {
  const extensionUrl = (path: string) => {
    if (!extensionId) throw new Error('Chromium was launched without the extension');
    return `chrome-extension://${extensionId}/${path}`;
  };
  return {
    name: 'chromium',
    newPage: async () => chromiumPage(await context.newPage()),
    extensionUrl,
    async openExtensionPage(path) {
      const page = chromiumPage(await context.newPage());
      await page.goto(extensionUrl(path));
      return page;
    },
    close,
  };
}
