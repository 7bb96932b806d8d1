import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { HarStreamLoader } from '../../lib/trace/har-stream-load';
import { loadInputText } from '../../lib/trace/load';
import { UNDECODABLE_NOTE } from '../../lib/flow/builder';

// Issue 12, hostile input to analysis: every odd file gets exit 2 and one line naming what is
// wrong (never a stack, never content), and nothing hangs. Each case has a time bound.

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../bin/oauth-lens');
const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(name: string, content: string | Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  const path = join(dir, name);
  writeFileSync(path, content);
  try {
    const { stdout, stderr } = await run(bin, ['analyze', path, '--json'], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const SECRET = 'sEcReT-c0de-4711';
const entry = (over: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-23T10:00:00.000Z',
  request: { method: 'GET', url: `https://app.example/cb?code=${SECRET}&state=s1`, headers: [] },
  response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '<p>ok</p>' } },
  ...over,
});
const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

/** Feed a document to the streaming loader in small chunks (boundaries fall everywhere). */
function streamLoad(text: string, chunk = 7) {
  const loader = new HarStreamLoader('x.har');
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunk) loader.push(bytes.subarray(i, i + chunk));
  return loader.end();
}

describe('hostile input: the CLI answers bad files with exit 2 and one line', () => {
  it.each([
    ['log-null.har', '{"log": null}', /har\.log: expected an object, got null/],
    ['log-array.har', '{"log": []}', /har\.log: expected an object, got an array/],
    ['truncated.har', `{"log": {"entries": [${JSON.stringify(entry())}, {"request": {"url": "https://x/?code=${SECRET}`, /not valid JSON \(the file is truncated\)/],
    ['garbage.har', `{"log": {"entries": [${JSON.stringify(entry())} ${JSON.stringify(entry())}]}}`, /not valid JSON \(expected ',' at byte \d+\)/],
    ['wrong-types.har', har([entry({ request: { method: 7, url: SECRET, headers: [] } })]), /har\.log\.entries\[0\]\.request\.method/],
    ['null-fields.har', har([entry({ response: null })]), /har\.log\.entries\[0\]\.response/],
    ['entries-object.har', '{"log": {"entries": {"0": 1}}}', /har\.log\.entries: expected an array/],
    ['empty.har', '', /the file is empty/],
    ['not-json.har', `code=${SECRET}`, /not valid JSON/],
  ])('%s', async (name, content, message) => {
    const { code, stdout, stderr } = await cli(name, content);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain(SECRET);
  }, 60_000);

  it('accepts a UTF-8 byte-order mark', async () => {
    const { code, stdout, stderr } = await cli('bom.har', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(har([entry()]))]));
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    expect(JSON.parse(stdout).version).toBe(2);
    expect(() => loadInputText(`\uFEFF${har([entry()])}`, 'bom.har')).not.toThrow();
  }, 60_000);
});

describe('hostile input: the streaming reader', () => {
  it('splits entries at any chunk boundary, with escapes and nesting in strings', () => {
    const tricky = entry({ response: { status: 200, headers: [{ name: 'X', value: 'a\\"b\\\\' }], content: { text: '{"a":[1,{"b":"]}\\\\\\""}]}' } } });
    const text = har([tricky, entry(), tricky]);
    const whole = loadInputText(text, 'x.har').events;
    for (const size of [1, 2, 3, 5, 64]) expect(streamLoad(text, size).events).toEqual(whole);
  });

  it('reads entries out of time order into time order', () => {
    const late = entry({ startedDateTime: '2026-11-23T10:00:05.000Z', request: { method: 'GET', url: 'https://app.example/late?code=a&state=b', headers: [] } });
    const early = entry({ startedDateTime: '2026-11-23T10:00:01.000Z' });
    const times = streamLoad(har([late, early])).events.map((e) => (e.kind === 'request' ? e.startTime : e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeLessThan(times[1]!);
  });

  it('takes 20k entries of ordinary traffic without keeping their bodies', () => {
    const noise = Array.from({ length: 20_000 }, (_, i) =>
      entry({
        _resourceType: i % 2 ? 'image' : 'xhr',
        request: { method: 'GET', url: `https://cdn.example/x${i}.png`, headers: [] },
        response: { status: 200, headers: [], content: { mimeType: 'application/json', text: 'y'.repeat(200) } },
      }),
    );
    const { events } = streamLoad(har(noise), 65_536);
    expect(events.length).toBe(10_000);
    expect(events.every((e) => e.kind === 'request' && e.responseBody === undefined)).toBe(true);
  }, 60_000);

  it('survives deeply nested bodies (10k levels) in a value it only skips', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const text = har([entry({ response: { status: 200, headers: [], content: { mimeType: 'application/json', text: deep } } })]);
    const loaded = streamLoad(text, 4096);
    expect(loaded.events).toHaveLength(1);
    await expect(analyzeEvents(loaded.events)).resolves.toBeDefined();
    const nested = `{"log":{"entries":[${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}]}}`;
    expect(() => streamLoad(nested, 4096)).toThrow(/har\.log\.entries\[0\]/);
  }, 60_000);
});

describe('hostile input: a body that cannot be decoded is reported', () => {
  it('says "body not decodable" on the step', async () => {
    const text = har([entry({ response: { status: 200, headers: [], content: { mimeType: 'text/html', encoding: 'base64', text: '!!not base64!!' } } })]);
    const { events } = loadInputText(text, 'x.har');
    const first = events[0]!;
    expect(first.kind === 'request' && first.responseBody?.undecodable).toBe(true);
    const { report } = await analyzeEvents(events);
    const notes = report.flows.flatMap((f) => f.steps.map((s) => s.note));
    expect(notes).toContain(UNDECODABLE_NOTE);
  });
});
