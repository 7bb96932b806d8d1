import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchAnalyze, benchBigHarMemory, benchPages } from '../../bench/analyze';
import { benchCapture } from '../../bench/capture';
import { benchCliStart } from '../../bench/cli-start';
import { formatTable, type Figure } from '../../bench/figure';
import { benchMemory, storeSizeAfter } from '../../bench/memory';
import { benchPageLoad, benchPageLoadMechanism } from '../../bench/page-load';
import { benchPageLoadFirefox } from '../../bench/page-load-firefox';
import { pageHtml, resourceKind, servePage } from '../../bench/page-load-page';
import { benchPanelChromium } from '../../bench/panel-chromium';
import { benchPanelRender } from '../../bench/panel-render';
import { benchPopupRender } from '../../bench/popup-render';
import { DEFAULT_LIMITS } from '../../lib/capture/limits';
import { CHROMIUM_PATH, EXTENSION_DIR } from '../support/chromium';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from '../support/firefox';

/**
 * Every bench of `npm run bench` at a tiny scale, so they cannot rot. Only the shape of the
 * figures is asserted — never a timing: these run on a shared machine inside `npm test`.
 */
function expectWellFormed(figures: Figure[], count: number): void {
  expect(figures).toHaveLength(count);
  for (const f of figures) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.unit.length).toBeGreaterThan(0);
    expect(Number.isFinite(f.value) && f.value >= 0).toBe(true);
    expect(Number.isFinite(f.ratio) && f.ratio > 0).toBe(true);
    expect(f.budget).toBeGreaterThan(0);
    expect(f.ok).toBe(f.ratio <= f.budget);
  }
  const table = formatTable(figures).split('\n');
  expect(table).toHaveLength(figures.length + 2);
  for (const f of figures) expect(table.some((line) => line.includes(f.name))).toBe(true);
}

const hasChromium = existsSync(CHROMIUM_PATH);
const hasBuild = existsSync(`${EXTENSION_DIR}/manifest.json`);
const hasFirefox = existsSync(FIREFOX_PATH);
const hasFirefoxBuild = existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`);

// Each bench runs at a tiny scale so it cannot rot; the time limit only says "does not hang"
// (a loaded 2-core machine took 31–36 s for some of them, over the unit project's 30 s).
describe('bench smoke', { timeout: 180_000 }, () => {
  it('capture', () => {
    expectWellFormed(benchCapture(2_000, 1), 1);
  });

  it('memory: the store accounts for exactly what it keeps', () => {
    const size = storeSizeAfter(300);
    expect(size.events).toBe(300);
    expect(size.kept).toBe(300);
    expect(size.storeBytes).toBe(size.jsonBytes);
    const tiny = { ...DEFAULT_LIMITS, maxBytesPerTab: 20_000, maxBytesTotal: 40_000 };
    expectWellFormed(benchMemory(100, 1_000, tiny), 1);
  });

  it('analyze', async () => {
    expectWellFormed(await benchAnalyze(300, 1), 2);
  });

  it('pages (issue 12: 4× the pages against 1×)', async () => {
    expectWellFormed(await benchPages(40, 1), 1);
  });

  it('big HAR (issue 12: peak RSS and time of a child analyze)', async () => {
    expectWellFormed(await benchBigHarMemory(1), 2);
  });

  it('CLI cold start', async () => {
    expectWellFormed(await benchCliStart(1, 10), 1);
  });

  it('panel render in happy-dom', async () => {
    expectWellFormed(await benchPanelRender(50, 500), 1);
  });
  it('popup', async () => {
    expectWellFormed(await benchPopupRender(5), 1);
  });

  it('the page-load page has the sub-resources it claims, of every kind', async () => {
    const html = pageHtml(40, 'x');
    const elements = html.match(/ data-res>/g)?.length ?? 0;
    const calls = Number(/window\.__calls = (\d+);/.exec(html)?.[1]);
    expect(elements + calls).toBe(40);
    const kinds = new Set(Array.from({ length: 40 }, (_, i) => resourceKind(i)));
    expect([...kinds].sort()).toEqual(['fetch', 'iframe', 'img', 'redirect', 'script', 'style', 'xhr']);
    const server = await servePage(40);
    try {
      expect((await fetch(server.url)).status).toBe(200);
      const js = await fetch(new URL('/js/chunk-3.js?v=1', server.url));
      expect(js.headers.get('content-type')).toContain('javascript');
      const chain = await fetch(new URL('/r/3?v=1', server.url), { redirect: 'manual' });
      expect(chain.status).toBe(302);
      expect(chain.headers.get('location')).toBe('/r/2?v=1');
      const followed = await fetch(new URL('/r/3?v=1', server.url));
      expect(followed.redirected).toBe(true);
      expect(await followed.json()).toEqual({ comments: [{ id: 1, text: 'first' }] });
    } finally {
      await server.close();
    }
  });

  it.skipIf(!hasChromium || !hasBuild)('page load in Chromium, seven warm browsers (needs npm run build)', async () => {
    expectWellFormed(await benchPageLoad(10, 1, { build: false }), 9);
  }, 360_000);

  it.skipIf(!hasChromium || !hasBuild)('page-load mechanism in Chromium, nine warm browsers (needs npm run build)', async () => {
    expectWellFormed(await benchPageLoadMechanism(10, 1, { build: false }), 8);
  }, 360_000);

  it.skipIf(!hasFirefox || !hasFirefoxBuild)('page load in Firefox, three warm browsers (needs wxt build -b firefox)', async () => {
    expectWellFormed(await benchPageLoadFirefox(10, 1, { build: false, warmup: 1 }), 2);
  }, 180_000);

  it.skipIf(!hasChromium)('panel first render in Chromium', async () => {
    expectWellFormed(await benchPanelChromium(20, 200, 1), 1);
  }, 180_000);
});
