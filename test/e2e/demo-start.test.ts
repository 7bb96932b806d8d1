import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../build/extension-key';
import { demoStartUrls, openDemoBrowser, PANEL_TIMEOUT_MS, PANEL_TITLE, WINDOW, type DemoBrowser } from '../../demo/browser';
import { DevToolsFrontEnds } from '../../demo/devtools-panel';
import { startDemo, type Demo } from '../../demo/index';
import { CHROMIUM_PATH, EXTENSION_DIR, preapproveSites } from '../support/chromium';

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
  // `npm start -- --auto`: logins without typing a password (the third test runs one).
  demo = await startDemo({ interaction: 'auto' });
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

  it('opens DevTools on the OAuth Lens panel in a tab the user opens later too', async () => {
    const later = await browser.context.newPage();
    await later.goto(`${demo.rpAltUrl}/`);
    await expect.poll(() => browser.devtools.shown.some((s) => s.inspected.startsWith(`${demo.rpAltUrl}/`)), { timeout: PANEL_TIMEOUT_MS, interval: 250 }).toBe(true);
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

  it('has room for the panel\'s three panes once the user chose site access and ran a failing login', async () => {
    const [options, app] = browser.pages;
    // What the user does first on the options tab npm start opened (the browser's "Allow?" prompt
    // is pre-answered: it cannot be clicked headless).
    await preapproveSites(browser.context, EXTENSION_ID, ['*://*/*']);
    await options!.click('#access-all');
    await options!.locator('main[data-access="all"]').waitFor();
    await app!.goto(`${demo.rpUrl}/login/bad-redirect`);
    await app!.getByText('redirect_uri').first().waitFor();

    // The app tab's DevTools panel lists the flow and shows its three panes without squeezing them.
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    type Layout = { flows: number; panes: number[]; heights: number[]; overflow: boolean };
    const layout = async (): Promise<Layout | null> => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const t of targetInfos.filter((x) => x.url.startsWith(`chrome-extension://${EXTENSION_ID}/devtools-panel.html`))) {
        const seen = await browser.devtools
          .evaluate<Layout>(
            t.targetId,
            `(() => {
              const panes = [...document.querySelectorAll('.ol-main > .ol-pane')].map((p) => p.getBoundingClientRect());
              return { flows: document.querySelectorAll('.ol-flow-host').length, panes: panes.map((r) => Math.round(r.width)), heights: panes.map((r) => Math.round(r.height)),
                overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth };
            })()`,
          )
          .catch(() => null);
        if (seen && seen.flows > 0 && seen.panes.length === 3) return seen;
      }
      return null;
    };
    await expect.poll(layout, { timeout: 60_000, interval: 250 }).not.toBeNull();
    const seen = (await layout())!;
    await cdp.detach();
    // Each pane wider than its CSS minimum (flows 200, timeline 380, details 340 px), none cut off.
    expect(seen.panes[0]).toBeGreaterThanOrEqual(200);
    expect(seen.panes[1]).toBeGreaterThanOrEqual(380);
    expect(seen.panes[2]).toBeGreaterThanOrEqual(340);
    expect(seen.overflow).toBe(false);
    expect(Math.min(...seen.heights)).toBeGreaterThanOrEqual(400);

    const shown = browser.devtools.shown.find((s) => s.inspected.startsWith(`${demo.rpUrl}/`))!;
    writeFileSync(join(SHOTS, 'devtools-flow.png'), await browser.devtools.screenshot(shown.targetId));
  });
});
