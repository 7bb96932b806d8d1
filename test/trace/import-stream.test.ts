import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../lib/trace/import-core';

/**
 * Issue 12: the panel and viewer import (lib/trace/import-core, run in the import worker) streams
 * a HAR through the same loader as the CLI: entries are parsed one at a time and only what can
 * belong to a flow is kept, so the file is never held whole as one string.
 */
const HAR_DIR = join(import.meta.dirname, '..', 'fixtures', 'har');
const forged = JSON.parse(readFileSync(join(HAR_DIR, 'forged-state.har'), 'utf8')) as { log: { entries: unknown[] } };

/** forged-state.har followed by `count` images of `bytes` each (ordinary page noise). */
function withNoise(count: number, bytes: number): string {
  const image = (i: number) => ({
    startedDateTime: '2026-11-23T10:00:00.000Z',
    time: 3,
    request: { method: 'GET', url: `http://127.0.0.1:37821/static/img${i}.png`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: -1 },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'image/png' }],
      cookies: [],
      content: { size: bytes, mimeType: 'image/png', text: 'A'.repeat(bytes), encoding: 'base64' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 1, wait: 1, receive: 1 },
  });
  const noise = Array.from({ length: count }, (_, i) => image(i));
  return JSON.stringify({ log: { ...forged.log, entries: [...forged.log.entries, ...noise] } });
}

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

afterEach(() => vi.restoreAllMocks());

describe('import of a big HAR (panel and viewer)', () => {
  it('streams: no string of the whole file is ever parsed, the noise is dropped, the flow is the same', async () => {
    const text = withNoise(1_500, 4_096);
    expect(text.length).toBeGreaterThan(6 * 1024 * 1024);
    const plain = await importFile(file('plain.har', JSON.stringify(forged)));

    const parse = vi.spyOn(JSON, 'parse');
    const big = await importFile(file('big.har', text), { chunkBytes: 256 * 1024 });
    const longest = Math.max(...parse.mock.calls.map(([s]) => String(s).length));
    // One entry at a time (≈ 4 KB of image plus its envelope), never the 6 MB document.
    expect(longest).toBeLessThan(64 * 1024);
    parse.mockRestore();

    expect(big.kind).toBe('har');
    expect(big.bytes).toBe(new TextEncoder().encode(text).length);
    expect(big.events).toEqual(plain.events);
    expect(big.analysis.flows.flatMap((f) => f.findings.map((x) => x.check))).toContain('state-mismatch');
  });

  it('refuses a bad entry deep in the stream with its index and no content', async () => {
    const doc = JSON.parse(withNoise(50, 64)) as { log: { entries: Array<Record<string, unknown>> } };
    doc.log.entries[40] = { request: { url: 'secret-marker-value' } };
    await expect(importFile(file('bad.har', JSON.stringify(doc)), { chunkBytes: 1024 })).rejects.toThrow(/^bad\.har: invalid HAR: har\.log\.entries\[40\]/);
    await expect(importFile(file('bad.har', JSON.stringify(doc)), { chunkBytes: 1024 })).rejects.not.toThrow(/secret-marker-value/);
  });
});
