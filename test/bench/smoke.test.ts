import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchAnalyze } from '../../bench/analyze';
import { benchCapture } from '../../bench/capture';
import { benchCliStart } from '../../bench/cli-start';
import { formatTable, type Figure } from '../../bench/figure';
import { benchMemory, storeSizeAfter } from '../../bench/memory';
import { benchPageLoad, pageHtml, servePage } from '../../bench/page-load';
import { benchPanelChromium } from '../../bench/panel-chromium';
import { benchPanelRender } from '../../bench/panel-render';
import { DEFAULT_LIMITS } from '../../lib/capture/limits';
import { CHROMIUM_PATH, EXTENSION_DIR } from '../support/chromium';

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

describe('bench smoke', () => {
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

  it('CLI cold start', async () => {
    expectWellFormed(await benchCliStart(1, 10), 1);
  });

  it('panel render in happy-dom', async () => {
    expectWellFormed(await benchPanelRender(50, 500), 1);
  });

  it('the page-load page has the sub-resources it claims', async () => {
    const html = pageHtml(10, 'x');
    expect(html.match(/<img |<script src=|<link rel="stylesheet"|fetch\('/g)).toHaveLength(10);
    const server = await servePage(10);
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      const js = await fetch(new URL('/js/chunk-2.js?v=1', server.url));
      expect(js.headers.get('content-type')).toContain('javascript');
    } finally {
      await server.close();
    }
  });

  it.skipIf(!hasChromium || !hasBuild)('page load in Chromium (needs npm run build)', async () => {
    expectWellFormed(await benchPageLoad(10, 1), 1);
  }, 90_000);

  it.skipIf(!hasChromium)('panel first render in Chromium', async () => {
    expectWellFormed(await benchPanelChromium(20, 200, 1), 1);
  }, 180_000);
});
