import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../demo/index';
import { dropExtensionSnapshot, ExtensionSession } from './harness';

/**
 * The toolbar popup in real Chromium, for a tab with 50 logins captured from the real demo
 * provider (25 that work, 25 whose callback state was rewritten): 50 rows with their outcome in
 * words, a row opens that flow in the panel page, pause/resume and clear act on the tab, and the
 * welcome page was opened once by the install. `popup.html?tabId=N` stands in for the toolbar
 * button (headless Chromium has no toolbar to click). Screenshots: test-results/popup/.
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'popup');
const LOGINS = 50;

let session: ExtensionSession;
let demo: Demo;
let tabId: number;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({ interaction: 'auto' });
  session = await ExtensionSession.launch();
  const page = await session.context.newPage();
  for (let i = 0; i < LOGINS; i++) {
    const broken = i % 2 === 1;
    await page.goto(`${demo.rpUrl}/login/${broken ? 'forged-state' : 'web'}`);
    await page.getByText(broken ? 'state mismatch' : 'Hello Alice Example').first().waitFor();
  }
  tabId = await session.tabIdOf(page);
  const analysis = await session.settledAnalysis(tabId, (a) => a.flows.length >= LOGINS, 15_000);
  expect(analysis.flows.map((f) => f.outcome).sort()).toEqual([...Array<string>(LOGINS / 2).fill('failed'), ...Array<string>(LOGINS / 2).fill('success')]);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await demo?.close();
  await dropExtensionSnapshot();
});

const popupUrl = () => session.driver.extensionUrl(`popup.html?tabId=${tabId}`);
const rows = (page: Page) => page.locator('.ol-popup-row');

/** Opens the popup page; `ms`: from its navigation start to the frame that shows all rows, read in the page. */
async function openPopup(): Promise<{ page: Page; ms: number }> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 660, height: 600 });
  await page.goto(popupUrl());
  const shown = await page.waitForFunction((n) => (document.querySelectorAll('.ol-popup-row').length === n ? performance.now() : 0), LOGINS, { polling: 'raf', timeout: 15_000 });
  return { page, ms: Math.round(await shown.jsonValue()) };
}

/**
 * Runs `act` on the popup and returns the tab it opens. The popup closes itself once that tab is
 * open (window.close()), possibly before the input's end is delivered: only that error is expected.
 */
async function opensPage(popup: Page, act: () => Promise<void>): Promise<Page> {
  const [opened] = await Promise.all([
    session.context.waitForEvent('page'),
    act().catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    }),
  ]);
  return opened;
}

describe('toolbar popup on a tab with 50 flows', () => {
  it('lists the 50 flows with outcome in words, client, provider and first error', async () => {
    const { page, ms } = await openPopup();
    const again = await openPopup();
    console.log(`popup.html with ${LOGINS} flows: all rows on screen ${ms} ms after navigation start (first open), ${again.ms} ms (second open); real Chromium, page load, background analysis and render included`);
    await again.page.close();
    const texts = await rows(page).allInnerTexts();
    const failed = texts.filter((t) => /Failed at step \d+ \(callback\)/.test(t));
    const completed = texts.filter((t) => t.startsWith('Completed'));
    expect([failed.length, completed.length]).toEqual([LOGINS / 2, LOGINS / 2]);
    for (const t of texts) expect(t).toContain('demo-web');
    // The failing logins name their first error; the working ones have none.
    // Each row names its flow's first error (newest flow first), as the background's analysis has it.
    const flows = [...(await session.analysis(tabId)).flows].sort((a, b) => b.startTime - a.startTime);
    const firstErrors = flows.map((f) => f.findings.find((x) => x.severity === 'error')?.title ?? '—');
    expect(await page.locator('.ol-popup-error').allInnerTexts()).toEqual(firstErrors);
    expect(firstErrors.filter((t) => t === 'State returned differs from state sent').length).toBeGreaterThan(LOGINS / 2 - 3);
    expect(await page.locator('.ol-popup-status').innerText()).toBe(`${LOGINS} flows in this tab, ${LOGINS / 2} failed`);
    await page.screenshot({ path: join(SHOTS, 'popup-50-flows.png'), fullPage: true });
    await page.close();
  });

  it('pause and resume reach the background: a popup opened later shows the state', async () => {
    const { page } = await openPopup();
    await page.getByRole('button', { name: 'Pause capture' }).click();
    await expect.poll(() => page.locator('.ol-popup-status').innerText()).toContain('Capture is paused.');
    const again = await openPopup();
    await expect.poll(() => again.page.getByRole('button', { name: 'Resume capture' }).count()).toBe(1);
    await again.page.getByRole('button', { name: 'Resume capture' }).click();
    await again.page.close();
    const third = await openPopup();
    await expect.poll(() => third.page.getByRole('button', { name: 'Pause capture' }).count()).toBe(1);
    await third.page.close();
    await page.close();
  });

  it('a row opens that flow in the panel page, from the keyboard', async () => {
    const { page } = await openPopup();
    // A working login: the panel page would select a failing one by itself.
    const target = rows(page).filter({ hasText: 'Completed' }).nth(3);
    const label = await target.innerText();
    await target.focus();
    const panel = await opensPage(page, () => page.keyboard.press('Enter'));
    await panel.waitForLoadState();
    expect(panel.url()).toContain(`devtools-panel.html?tabId=${tabId}&flow=`);
    await panel.locator('.ol-flow-row[aria-selected="true"]').waitFor();
    expect(await panel.locator('.ol-flow-row[aria-selected="true"]').getAttribute('class')).toContain('ol-outcome-success');
    expect(label).toContain('demo-web');
    await panel.close();
    if (!page.isClosed()) await page.close();
  });

  it('opened the welcome page once, on install, and "Getting started" opens it again', async () => {
    const welcomeTabs = () => session.context.pages().filter((p) => p.url().endsWith('/welcome.html'));
    expect(welcomeTabs()).toHaveLength(1);
    await welcomeTabs()[0]!.close();
    const { page } = await openPopup();
    const welcome = await opensPage(page, () => page.getByRole('button', { name: 'Getting started' }).click());
    await welcome.getByRole('heading', { level: 1, name: 'OAuth Lens is installed' }).waitFor();
    await welcome.setViewportSize({ width: 1000, height: 900 });
    await welcome.screenshot({ path: join(SHOTS, 'welcome.png'), fullPage: true });
    await welcome.close();
    if (!page.isClosed()) await page.close();
  });

  it('clear empties the tab', async () => {
    const { page } = await openPopup();
    await page.getByRole('button', { name: 'Clear this tab' }).click();
    await expect.poll(() => rows(page).count()).toBe(0);
    await expect.poll(async () => (await session.rawTrace(tabId)).events.length).toBe(0);
    expect(await page.locator('.ol-popup-status').innerText()).toBe('No OAuth flows in this tab yet.');
    await page.close();
  });
});
