import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { redactTrace } from '../../lib/trace/outside-flows';
import { loadInputText } from '../../lib/trace/load';
import { shareUrl } from '../../lib/trace/share-link';
import { makeTrace } from '../../lib/trace/trace-v1';
import { launchBrowser, type LaunchedBrowser } from '../support/chromium';

/**
 * The standalone viewer (`npm run build:viewer`) for people without the extension: one HTML file,
 * opened from file:// in Chromium with no extension loaded, opens a share link and shows the
 * flows, and imports a HAR in its inlined worker. Nothing but the page itself is loaded.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const PAGE = join(ROOT, '.output', 'standalone', 'oauth-lens-viewer.html');
const HAR_DIR = join(ROOT, 'test', 'fixtures', 'har');
const SHOTS = join(ROOT, 'test-results', 'standalone');

let browser: LaunchedBrowser;

beforeAll(async () => {
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'standalone/vite.config.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:viewer failed (exit ${built.status}):\n${built.stdout}\n${built.stderr}`);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Every URL the page loads; the test asserts none is on the network. */
async function open(url: string): Promise<{ page: Page; loaded: string[] }> {
  const page = await browser.context.newPage();
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  return { page, loaded };
}

const findingIds = (page: Page) => page.locator('.ol-finding-meta .ol-mono').allTextContents();
const offNetwork = (urls: string[]) => urls.filter((u) => !/^(?:file|blob|data):/.test(u));

describe('standalone viewer (one HTML file, no extension)', () => {
  it('is a single self-contained file: no script, style or worker file beside it', () => {
    expect(existsSync(PAGE)).toBe(true);
    const html = readFileSync(PAGE, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\bsrc=|<link[^>]*\bhref=/);
    expect(html).toMatch(/<script type="module">/);
    expect(html).toMatch(/<style>/);
  });

  it('opens a share link from file:// and shows the flow and its findings', async () => {
    expect(browser.extensionId).toBeNull();
    const { events } = loadInputText(readFileSync(join(HAR_DIR, 'forged-state.har'), 'utf8'));
    const redacted = await redactTrace(makeTrace(events));
    const expected = (await analyzeEvents(redacted.events)).report.flows.flatMap((f) => f.findings.map((x) => x.check));
    expect(expected).toContain('state-mismatch');

    const link = shareUrl(pathToFileURL(PAGE).href, redacted);
    const { page, loaded } = await open(link);
    await expect.poll(() => findingIds(page), { timeout: 15_000 }).toContain('state-mismatch');
    expect(await page.locator('.ol-flow-row').count()).toBe(1);
    for (const check of new Set(expected)) expect(await findingIds(page)).toContain(check);
    expect(await page.getByRole('region', { name: 'Imported trace' }).textContent()).toMatch(/share link .*redacted/);
    await page.screenshot({ path: join(SHOTS, 'standalone-share-link.png') });
    expect(offNetwork(loaded)).toEqual([]);
    await page.close();
  });

  it('imports a HAR file in its inlined worker', async () => {
    const { page, loaded } = await open(pathToFileURL(PAGE).href);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await expect.poll(() => page.getByText('Open an OAuth Lens trace').count()).toBe(1);
    await page.setInputFiles('input[aria-label="Import a trace or HAR file"]', join(HAR_DIR, 'forged-state.har'));
    await expect.poll(() => findingIds(page), { timeout: 15_000 }).toContain('state-mismatch');
    expect(workers.some((u) => u.startsWith('blob:'))).toBe(true);
    expect(offNetwork(loaded)).toEqual([]);
    await page.close();
  });
});
