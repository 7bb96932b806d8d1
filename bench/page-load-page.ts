import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The page the page-load bench opens: an ordinary (non-OAuth) article page with `resources`
 * sub-resources of mixed types — images, scripts, stylesheets, fetch and XHR calls, calls that
 * follow a three-hop redirect chain, and one iframe — served from 127.0.0.1 with no caching.
 * The page records in `window.__doneAt` when its last fetch/XHR finished, so a load is timed
 * until the network work is over, not only until the load event.
 */

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export type ResourceKind = 'img' | 'script' | 'style' | 'fetch' | 'xhr' | 'redirect' | 'iframe';

/** The kind of the i-th sub-resource: one iframe, a redirect chain every 20, the rest in a fixed mix. */
export function resourceKind(i: number): ResourceKind {
  if (i === 0) return 'iframe';
  if (i % 20 === 10) return 'redirect';
  const mix: ResourceKind[] = ['img', 'img', 'img', 'script', 'script', 'style', 'fetch', 'fetch', 'xhr', 'img'];
  return mix[i % mix.length]!;
}

export function pageHtml(resources: number, run: string): string {
  const parts: string[] = [];
  const calls: string[] = [];
  for (let i = 0; i < resources; i++) {
    const q = `?v=${run}-${i}&utm_source=feed`;
    switch (resourceKind(i)) {
      case 'iframe':
        parts.push(`<iframe src="/frame${q}" title="comments" width="300" height="100" data-res></iframe>`);
        break;
      case 'img':
        parts.push(`<img src="/img/${i}.gif${q}" width="1" height="1" alt="" data-res>`);
        break;
      case 'script':
        parts.push(`<script src="/js/chunk-${i}.js${q}" data-res></script>`);
        break;
      case 'style':
        parts.push(`<link rel="stylesheet" href="/css/site-${i}.css${q}" data-res>`);
        break;
      case 'fetch':
        calls.push(`fetch('/api/comments${q}&article=${i}').then((r) => r.text())`);
        break;
      case 'xhr':
        calls.push(`xhr('/api/related${q}&article=${i}')`);
        break;
      case 'redirect':
        calls.push(`fetch('/r/3${q}').then((r) => r.text())`);
        break;
    }
  }
  const script = `<script>
function xhr(url) { return new Promise((done) => { const x = new XMLHttpRequest(); x.open('GET', url); x.onloadend = done; x.send(); }); }
window.__calls = ${calls.length};
Promise.all([${calls.join(',\n')}]).then(() => { window.__doneAt = performance.now(); });
</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body><h1>World news</h1>${parts.join('\n')}\n${script}</body></html>`;
}

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function servePage(resources: number): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const noStore = { 'Cache-Control': 'no-store' };
    const path = url.pathname;
    if (path === '/') {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(pageHtml(resources, url.searchParams.get('run') ?? '0'));
    } else if (path === '/frame') {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><title>Comments</title><p>No comments yet.</p></html>');
    } else if (path.startsWith('/img/')) {
      res.writeHead(200, { ...noStore, 'Content-Type': 'image/gif' });
      res.end(PIXEL);
    } else if (path.startsWith('/js/')) {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/javascript' });
      res.end(`window.__n = (window.__n || 0) + 1; /* ${'x'.repeat(2000)} */`);
    } else if (path.startsWith('/css/')) {
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/css' });
      res.end(`.c${path.length} { color: #333; } /* ${'x'.repeat(1000)} */`);
    } else if (path.startsWith('/r/')) {
      // /r/3 → /r/2 → /r/1 → /api/comments: a redirect chain of three hops.
      const hop = Number(path.slice(3));
      res.writeHead(302, { ...noStore, Location: hop > 1 ? `/r/${hop - 1}${url.search}` : `/api/comments${url.search}` });
      res.end();
    } else if (path === '/api/comments' || path === '/api/related') {
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
