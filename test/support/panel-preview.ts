/**
 * Screenshot harness for the panel (not a vitest test): builds the extension in `preview` mode
 * into test-results/, opens `devtools-panel.html?tabId=7` in Debian's Chromium with the extension
 * loaded, feeds hand-built captures through the real analysis via the preview-only hook, and
 * saves screenshots at 1280×800 in light and dark.
 *
 * Run: node --import tsx test/support/panel-preview.ts [--no-build]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'wxt';
import { FIXED_NOW, hostileFlow, panelScenarios } from './panel-fixtures';

const root = join(import.meta.dirname, '..', '..');
const outDir = join(root, 'test-results', 'preview-ext');
const shots = join(root, 'test-results', 'panel');

async function show(page: Page, events: unknown, theme: 'light' | 'dark' | 'auto'): Promise<void> {
  await page.evaluate(
    async (input) => (window as unknown as { __oauthLensPreview(i: unknown): Promise<number> }).__oauthLensPreview(input),
    { events, theme, now: FIXED_NOW },
  );
  await page.waitForTimeout(150);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) await build({ root, mode: 'preview', outDir, browser: 'chrome' });
  const ext = join(outDir, 'chrome-mv3-preview');
  mkdirSync(shots, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'ol-preview-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`chrome-extension://${id}/devtools-panel.html?tabId=7`);
    await page.waitForFunction(() => '__oauthLensPreview' in window);
    const shot = async (name: string) => {
      await page.screenshot({ path: join(shots, `${name}.png`) });
      console.log(join('test-results', 'panel', `${name}.png`));
    };

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await show(page, [], 'auto');
      await shot(`empty-${scheme}`);
      const events = await panelScenarios();
      await show(page, events, 'auto');
      await shot(`failing-findings-${scheme}`);
      await page.getByRole('tab', { name: 'Request' }).click();
      await shot(`failing-request-${scheme}`);
      await page.locator('.ol-flow-row', { hasText: 'web-app' }).click();
      await page.locator('.ol-step-row', { has: page.locator('.ol-kind', { hasText: /^token$/ }) }).click();
      await page.getByRole('tab', { name: 'Tokens' }).click();
      await shot(`success-tokens-${scheme}`);
      await page.getByRole('tab', { name: 'Request' }).click();
      await shot(`success-request-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await show(page, await panelScenarios(), 'auto');
    await page.locator('.ol-flow-row', { hasText: 'initech-portal' }).click();
    await shot('server-exchange-light');
    await page.locator('.ol-flow-row', { hasText: 'acme-spa' }).click();
    await page.getByRole('tab', { name: 'Response' }).click();
    await shot('token-error-response-light');
    await show(page, hostileFlow(FIXED_NOW), 'light');
    await page.getByRole('tab', { name: 'Request' }).click();
    await shot('hostile-light');
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
    if (pwned !== null) throw new Error('hostile value executed');
    if (errors.length) console.warn('page errors:', errors);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
