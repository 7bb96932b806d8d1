import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DevToolsFrontEnds, type PanelShown } from './devtools-panel';

/**
 * The Chromium that `npm start` opens (test/e2e/demo-start.test.ts opens the same one headless):
 * a fresh profile, the built extension, DevTools open on every tab and docked at the bottom with
 * room for the panel's panes, the options page (site access) and the sample app, and the OAuth
 * Lens panel selected in each DevTools window (demo/devtools-panel.ts).
 *
 * Launched through playwright-core: it already speaks CDP to Chromium over a pipe (no network
 * port), which is what selecting the panel needs.
 */
export const PANEL_TITLE = 'OAuth Lens';
export const WINDOW = { width: 1600, height: 1000 };
/** Docked DevTools' height: the panel's flow list, timeline and details side by side need it. */
const DEVTOOLS_HEIGHT = 560;
/** A bound for each DevTools window: DevTools alone took up to 20 s to load on a loaded 2-core machine. */
export const PANEL_TIMEOUT_MS = 90_000;
/** Chromium features a fresh profile would use to call Google's services at startup (as Playwright turns them off). */
const QUIET_STARTUP_FEATURES = ['OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch', 'MediaRouter'];

/** The tabs npm start opens: the options page first (OAuth Lens captures nothing until site access is chosen there), then the sample app. */
export function demoStartUrls(extensionId: string, rpUrl: string): string[] {
  return [`chrome-extension://${extensionId}/options.html`, `${rpUrl}/`];
}

export interface DemoBrowserOptions {
  chrome: string;
  extensionDir: string;
  /** Opened in this order; the last one ends up in front. */
  urls: readonly string[];
  headless?: boolean;
  /** Each DevTools window that shows the panel, and each that could not within PANEL_TIMEOUT_MS. */
  onShown?: (shown: PanelShown) => void;
  onFailed?: (error: Error) => void;
}

export interface DemoBrowser {
  context: BrowserContext;
  pages: Page[];
  devtools: DevToolsFrontEnds;
  /** Closes Chromium (if still open) and deletes its profile. */
  close(): Promise<void>;
}

/** DevTools settings as the profile stores them (Preferences → devtools.preferences, JSON strings). */
function devtoolsPreferences(): Record<string, string> {
  return {
    currentDockState: JSON.stringify('bottom'),
    'inspector-view.split-view-state': JSON.stringify({ horizontal: { size: DEVTOOLS_HEIGHT } }),
  };
}

export async function openDemoBrowser(options: DemoBrowserOptions): Promise<DemoBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'oauth-lens-demo-profile-'));
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ devtools: { preferences: devtoolsPreferences() } }));
  let context: BrowserContext | null = null;
  let devtools: DevToolsFrontEnds | null = null;
  const close = async () => {
    devtools?.stop();
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chrome,
      headless: options.headless ?? false,
      // The window's own size, not an emulated viewport.
      viewport: null,
      args: [
        `--disable-extensions-except=${options.extensionDir}`,
        `--load-extension=${options.extensionDir}`,
        '--auto-open-devtools-for-tabs',
        `--window-size=${WINDOW.width},${WINDOW.height}`,
        // Chromium refuses to run as root with its sandbox.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        // Replaces Playwright's list (Chromium reads the last --disable-features only): it also turned
        // off third-party storage partitioning, which changes how an iframe's silent login behaves.
        // Kept: what stops a fresh profile from calling Google's services at startup.
        `--disable-features=${QUIET_STARTUP_FEATURES.join(',')}`,
      ],
      // Extensions must load; no "controlled by automated test software" bar for a person; and the
      // browser behaves as the person's own would for a login: popups opened without a click are
      // blocked, back/forward restores pages from the cache, a POST resubmitted asks first.
      ignoreDefaultArgs: ['--disable-extensions', '--enable-automation', '--disable-popup-blocking', '--disable-back-forward-cache', '--disable-prompt-on-repost'],
      // npm start's own Ctrl-C handler closes the browser, then the servers.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    const browser = context.browser();
    if (!browser) throw new Error('Playwright gave no browser for the persistent context');
    devtools = new DevToolsFrontEnds(await browser.newBrowserCDPSession());
    // The user closed Chromium: nothing left to select, nothing to report.
    const frontEnds = devtools;
    context.on('close', () => frontEnds.stop());
    await devtools.watch(PANEL_TITLE, { timeoutMs: PANEL_TIMEOUT_MS, onShown: options.onShown, onFailed: options.onFailed });
    const pages: Page[] = [];
    for (const [i, url] of options.urls.entries()) {
      const page = i === 0 ? (context.pages()[0] ?? (await context.newPage())) : await context.newPage();
      await page.goto(url);
      pages.push(page);
    }
    // The welcome page the extension opens on install may have taken the front.
    await pages.at(-1)?.bringToFront();
    return { context, pages, devtools, close };
  } catch (error) {
    await close();
    throw error;
  }
}
