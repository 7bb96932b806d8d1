import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser, QUIET_ARGS, type LaunchedBrowser } from '../test/support/chromium';
import { figure, median, type Figure } from './figure';

/**
 * Page load with the extension against without it, in Debian's Chromium. An ordinary (non-OAuth)
 * page with `resources` sub-resources is served from 127.0.0.1; the prefilter should drop every
 * request of it, so the extension may cost at most 5% (issue 9). Two browsers, runs interleaved
 * (and the order alternated each round) so load drift on a shared machine hits both sides.
 */

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The page: images, scripts, stylesheets and fetches, like an article page with ads and analytics. */
export function pageHtml(resources: number, run: string): string {
  const parts: string[] = [];
  for (let i = 0; i < resources; i++) {
    const q = `?v=${run}-${i}&utm_source=feed`;
    switch (i % 5) {
      case 0:
      case 1:
        parts.push(`<img src="/img/${i}.gif${q}" width="1" height="1" alt="">`);
        break;
      case 2:
        parts.push(`<script src="/js/chunk-${i}.js${q}"></script>`);
        break;
      case 3:
        parts.push(`<link rel="stylesheet" href="/css/site-${i}.css${q}">`);
        break;
      default:
        parts.push(`<script>fetch('/api/comments?article=${i}&page=2&${q.slice(1)}')</script>`);
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body><h1>World news</h1>${parts.join('\n')}</body></html>`;
}

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function servePage(resources: number): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const noStore = { 'Cache-Control': 'no-store' };
    if (url.pathname === '/') {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(pageHtml(resources, url.searchParams.get('run') ?? '0'));
    } else if (url.pathname.startsWith('/img/')) {
      res.writeHead(200, { ...noStore, 'Content-Type': 'image/gif' });
      res.end(PIXEL);
    } else if (url.pathname.startsWith('/js/')) {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/javascript' });
      res.end(`window.__n = (window.__n || 0) + 1; /* ${'x'.repeat(2000)} */`);
    } else if (url.pathname.startsWith('/css/')) {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/css' });
      res.end(`.c${url.pathname.length} { color: #333; } /* ${'x'.repeat(1000)} */`);
    } else if (url.pathname === '/api/comments') {
      res.writeHead(200, { ...noStore, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ comments: [{ id: 1, text: 'first' }] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Milliseconds from navigation start to the end of the load event (Navigation Timing 2). */
async function loadOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.loadEventEnd - nav.startTime : NaN;
  });
}

/**
 * The floor: the same Chromium with the same switches and extensions enabled, minus ours.
 * (Playwright's default `--disable-extensions` would also switch off Chromium's built-in
 * component extensions and make the floor a browser no user runs.)
 */
async function launchWithoutOurs(): Promise<LaunchedBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'oauth-lens-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: QUIET_ARGS, ignoreDefaultArgs: ['--disable-extensions'] });
  return {
    context,
    extensionId: null,
    serviceWorker: null,
    profileDir,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export interface PageLoadResult {
  withExtension: number[];
  without: number[];
  /** Per-round ratio with/without. */
  ratios: number[];
}

export async function measurePageLoad(resources = 200, rounds = 15, warmup = 3): Promise<PageLoadResult> {
  const server = await servePage(resources);
  const browsers: LaunchedBrowser[] = [];
  try {
    const withExt = await launchBrowser({ extension: true });
    browsers.push(withExt);
    const plain = await launchWithoutOurs();
    browsers.push(plain);
    const pages = { ext: await withExt.context.newPage(), plain: await plain.context.newPage() };
    const result: PageLoadResult = { withExtension: [], without: [], ratios: [] };
    for (let i = 0; i < warmup + rounds; i++) {
      const url = `${server.url}?run=${i}`;
      // Alternate which browser goes first, so neither always loads on a warmer machine.
      const order = i % 2 === 0 ? (['ext', 'plain'] as const) : (['plain', 'ext'] as const);
      const t: Record<'ext' | 'plain', number> = { ext: NaN, plain: NaN };
      for (const which of order) t[which] = await loadOnce(pages[which], url);
      if (i < warmup) continue;
      result.withExtension.push(t.ext);
      result.without.push(t.plain);
      result.ratios.push(t.ext / t.plain);
    }
    return result;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
}

export async function benchPageLoad(resources = 200, rounds = 15): Promise<Figure[]> {
  const r = await measurePageLoad(resources, rounds);
  return [figure(`page load, ${resources} sub-resources, with extension vs without (median of ${rounds})`, median(r.withExtension), 'ms', median(r.ratios), 1.05)];
}
