import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMetadataDocument } from '../../lib/trace/metadata-fetch';
import { metadataEvent } from '../../lib/trace/metadata-requests';

// The fetcher behind CLI --fetch-metadata and the panel's "Fetch issuer metadata", against a
// local server: redirects are refused, bodies stop at 1 MB, failures come back as `{ error }`.

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/doc' });
      res.end();
    } else if (req.url === '/huge') {
      res.setHeader('content-type', 'application/json');
      // 3 MB in 64 KB chunks; the reader must stop after the first megabyte.
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 48; i++) res.write(chunk);
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"issuer":"é"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const source = { tabId: 4, initiator: 'test', idPrefix: 'f.' };

describe('fetchMetadataDocument', () => {
  it('returns status, headers and the decoded body', async () => {
    const result = await fetchMetadataDocument(`${origin}/doc`);
    expect(result).toMatchObject({ status: 200, text: '{"issuer":"é"}', mimeType: 'application/json', truncated: false });
    const event = metadataEvent(`${origin}/doc`, 10, 0, result, source);
    expect(event).toMatchObject({ id: 'f.1', tabId: 4, initiator: 'test', status: 200, startTime: 10, responseBody: { text: '{"issuer":"é"}', source: 'import' } });
  });

  it('refuses to follow a redirect', async () => {
    const result = await fetchMetadataDocument(`${origin}/redirect`);
    expect('error' in result).toBe(true);
    expect(metadataEvent(`${origin}/redirect`, 1, 2, result, source)).toMatchObject({ id: 'f.3', error: expect.any(String) });
  });

  it('caps the body at 1 MB and marks it truncated', async () => {
    const result = await fetchMetadataDocument(`${origin}/huge`);
    if ('error' in result) throw new Error(result.error);
    expect(result.text.length).toBe(1024 * 1024);
    expect(result.truncated).toBe(true);
  });

  it('reports an unreachable host as an error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await fetchMetadataDocument(`http://127.0.0.1:${port}/`)).toEqual({ error: expect.any(String) });
  });
});
