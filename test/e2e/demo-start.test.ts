import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../build/extension-key';
import { demoStartUrls, openDemoBrowser, PANEL_TIMEOUT_MS, PANEL_TITLE, WINDOW, type DemoBrowser } from '../../demo/browser';
import { DevToolsFrontEnds } from '../../demo/devtools-panel';
import { startDemo, type Demo } from '../../demo/index';
import { CHROMIUM_PATH, EXTENSION_DIR } from '../support/chromium';

/**
 * `npm start` lands on the OAuth Lens panel. The real demo, and Chromium opened by npm start's
 * own launcher (demo/browser.ts: same profile settings, switches and tabs; headless here, as
 * there is no display on CI). Which panel each DevTools window shows is read back from DevTools'
 * front end over CDP, and the app tab's DevTools is photographed:
 * test-results/demo-start/devtools.png.
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'demo-start');
const PANEL_ID = `chrome-extension://${EXTENSION_ID}OAuthLens`;

let demo: Demo;
let browser: DemoBrowser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({ interaction: 'form' });
  browser = await openDemoBrowser({ chrome: CHROMIUM_PATH, extensionDir: EXTENSION_DIR, urls: demoStartUrls(EXTENSION_ID, demo.rpUrl), headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('npm start', () => {
  it('opens DevTools on the OAuth Lens panel, docked at the bottom of a large window, on the options page and the sample app', async () => {
    const shownOn = (url: string) => browser.devtools.shown.find((s) => s.inspected.startsWith(url));
    await expect.poll(() => shownOn(`${demo.rpUrl}/`) && shownOn(`chrome-extension://${EXTENSION_ID}/options.html`), { timeout: PANEL_TIMEOUT_MS, interval: 250 }).toBeTruthy();
    const app = shownOn(`${demo.rpUrl}/`)!;

    // Read again from DevTools itself, not from what the selection returned.
    const now = await browser.devtools.state(app.targetId, PANEL_TITLE);
    expect(now).toMatchObject({ panel: PANEL_ID, selected: PANEL_ID, dock: 'bottom' });
    // The panel spans the window's width and keeps room for its panes' rows.
    expect(now!.width).toBeGreaterThanOrEqual(WINDOW.width - 40);
    expect(now!.height).toBeGreaterThanOrEqual(500);

    // The panel's own page has loaded and drawn in every DevTools window that shows it (the
    // photograph must show the panel, not an empty frame).
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const panelPagesDrawn = async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const pages = targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${EXTENSION_ID}/devtools-panel.html`));
      const drawn = await Promise.all(pages.map((t) => browser.devtools.evaluate<boolean>(t.targetId, `document.readyState === 'complete' && document.getElementById('app').childElementCount > 0`).catch(() => false)));
      return drawn.filter(Boolean).length >= browser.devtools.shown.length;
    };
    await expect.poll(panelPagesDrawn, { timeout: PANEL_TIMEOUT_MS, interval: 250 }).toBe(true);
    await cdp.detach();

    const png = await browser.devtools.screenshot(app.targetId);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(WINDOW.width - 40);
    writeFileSync(join(SHOTS, 'devtools.png'), png);
  });

  it('says in one line when DevTools never registers the panel, and changes nothing', async () => {
    const failures: string[] = [];
    const other = new DevToolsFrontEnds(await browser.context.browser()!.newBrowserCDPSession());
    await other.watch('No such panel', { timeoutMs: 1_000, onFailed: (error) => failures.push(error.message) });
    const windows = browser.devtools.shown.length;
    await expect.poll(() => failures.length >= windows, { timeout: 30_000, interval: 250 }).toBe(true);
    other.stop();
    expect(new Set(failures)).toEqual(new Set(['DevTools did not register the "No such panel" panel within 1 s']));
    for (const s of browser.devtools.shown) expect((await browser.devtools.state(s.targetId, PANEL_TITLE))?.selected).toBe(PANEL_ID);
  });
});
