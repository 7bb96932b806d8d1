import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readHarEntry } from '../../lib/trace/har-entry-read';
import { HarEntrySchema } from '../../lib/trace/har-schema';

/**
 * Issue 16: the hand-written entry reader must give exactly the zod schema's output (members,
 * their order, nulls read as absent) and never accept what the schema refuses; the schema stays
 * the judge of everything the reader leaves to it.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const entries: unknown[] = ['har', 'recorders', 'brokers'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.har'))
    .flatMap((f) => (JSON.parse(readFileSync(join(FIXTURES, dir, f), 'utf8').replace(/^\uFEFF/, '')) as { log: { entries: unknown[] } }).log.entries),
);

/** Members in order, all the way down: toStrictEqual ignores order, the output must not differ in it either. */
const shape = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v));

function sameAsSchema(value: unknown): void {
  const fast = readHarEntry(value);
  const zod = HarEntrySchema.safeParse(value);
  if (fast === null) return;
  // vitest's matchers only on a difference: this runs thousands of times.
  if (zod.success && isDeepStrictEqual(fast, zod.data) && shape(fast) === shape(zod.data)) return;
  expect(zod.success).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  expect(shape(fast)).toBe(shape(zod.data));
}

/** Values a JSON document can hold where a member belongs (JSON has no undefined; removal is tried apart). */
const WRONG: unknown[] = [null, 0, 1e308 * 10, '', 'x', true, {}, [], [{}], [{ name: 'a', value: 1 }], [{ name: 'a', value: null }], [null], { text: 1 }];

/** Every member path of an entry (of lists, the first two items), e.g. ['request', 'postData', 'params', 0, 'value']. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const keys = Array.isArray(value) ? value.slice(0, 2).map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...paths((value as Record<string | number, unknown>)[k], [...prefix, k])]);
}

function withMember(entry: unknown, path: Array<string | number>, member: unknown, remove = false): unknown {
  const copy = structuredClone(entry) as Record<string | number, unknown>;
  let target = copy;
  for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete target[last];
  else target[last] = member;
  return copy;
}

describe('HAR entry reader (fast path of HarEntrySchema)', () => {
  it('reads every fixture entry itself, exactly as the schema does', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries) {
      expect(readHarEntry(entry)).not.toBeNull();
      sameAsSchema(entry);
    }
  });

  it('never accepts a mutated entry the schema refuses, and gives its output when it accepts one', () => {
    // Every member of a few varied entries: removed, or replaced by a wrong or nullish value.
    const samples = entries.filter((_, i) => i % 7 === 0).slice(0, 8);
    let refused = 0;
    for (const entry of samples) {
      for (const path of paths(entry)) {
        sameAsSchema(withMember(entry, path, undefined, true));
        for (const wrong of WRONG) {
          const mutated = withMember(entry, path, wrong);
          sameAsSchema(mutated);
          if (readHarEntry(mutated) === null && !HarEntrySchema.safeParse(mutated).success) refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('keeps members zod keeps and leaves out the ones it strips', () => {
    const entry = {
      pageref: null,
      startedDateTime: '2026-11-23T10:00:00.000Z',
      time: null,
      extra: 1,
      _initiator: null,
      request: { method: 'POST', url: 'https://a.example/t', headers: null, postData: { params: [{ name: 'a', value: null, x: 1 }], mimeType: null }, cookies: [] },
      response: { status: 0, headers: [{ name: 'A', value: 'b', comment: 'c' }], content: null, _error: null },
    };
    const fast = readHarEntry(entry);
    expect(fast).toStrictEqual({
      startedDateTime: '2026-11-23T10:00:00.000Z',
      _initiator: null,
      request: { method: 'POST', url: 'https://a.example/t', postData: { params: [{ name: 'a' }] }, headers: [] },
      response: { status: 0, headers: [{ name: 'A', value: 'b' }] },
    });
    sameAsSchema(entry);
    expect(readHarEntry({ ...entry, response: { ...entry.response, status: Infinity } })).toBeNull();
  });
});
