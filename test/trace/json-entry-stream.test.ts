import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonEntryStream } from '../../lib/trace/json-entry-stream';

/**
 * The streaming HAR reader's byte scanner (lib/trace/json-value-scan.ts) against JSON.parse: any
 * document shaped like a HAR, cut into chunks anywhere (inside strings, between the backslashes of
 * an escape, inside a multi-byte character), gives the same entries and the same other members.
 */
function streamed(bytes: Uint8Array, cuts: number[]) {
  const entries: unknown[] = [];
  const stream = new JsonEntryStream({ entry: (value, index) => entries.push([index, value]) });
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    stream.push(bytes.subarray(at, cut));
    at = cut;
  }
  stream.push(bytes.subarray(at));
  return { doc: stream.end(), entries: entries.map((e) => (e as [number, unknown])[1]), indexes: entries.map((e) => (e as [number, unknown])[0]) };
}

/** Strings heavy in what the scanner must get right: quotes, runs of backslashes, non-ASCII. */
const tricky = fc.stringMatching(/^[\\"a\u00e9\u20ac\u{1F600}{}[\],:]{0,12}$/u);
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
})).value;

describe('JsonEntryStream', () => {
  it('reads any HAR-shaped document, cut anywhere, as JSON.parse does', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 6 }),
        fc.dictionary(tricky.filter((k) => k !== 'entries'), value, { maxKeys: 3 }),
        fc.dictionary(tricky.filter((k) => k !== 'log'), value, { maxKeys: 3 }),
        fc.constantFrom(undefined, 1, 2),
        fc.array(fc.nat(4000), { maxLength: 40 }),
        (entries, logRest, rootRest, indent, cuts) => {
          const doc = { ...rootRest, log: { ...logRest, entries } };
          const text = JSON.stringify(doc, null, indent);
          const bytes = new TextEncoder().encode(text);
          const got = streamed(bytes, cuts);
          const parsed = JSON.parse(text) as typeof doc;
          expect(got.entries).toEqual(parsed.log.entries);
          expect(got.indexes).toEqual(parsed.log.entries.map((_, i) => i));
          const { entries: _, ...log } = parsed.log;
          const { log: __, ...root } = parsed;
          expect(got.doc).toMatchObject({ streamedEntries: true, entryCount: entries.length, whole: null });
          expect(got.doc.log).toEqual(log);
          expect(got.doc.root).toEqual(root);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads bytes that are not UTF-8 as decoding the whole file does (one U+FFFD each), cut anywhere', () => {
    // ASCII, lone bytes that are no UTF-8, and parts of multi-byte characters, inside strings.
    const byte = fc.constantFrom(0x61, 0x7a, 0xff, 0xfe, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x80);
    fc.assert(
      fc.property(fc.array(fc.array(byte, { maxLength: 10 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(200), { maxLength: 6 }), (strings, cuts) => {
        const ascii = (t: string) => [...t].map((c) => c.charCodeAt(0));
        const bytes = Uint8Array.from([...ascii('{"log":{"entries":['), ...strings.flatMap((b, i) => [...ascii(i ? ',{"v":"' : '{"v":"'), ...b, ...ascii('"}')]), ...ascii(']}}')]);
        const expected = (JSON.parse(new TextDecoder().decode(bytes)) as { log: { entries: unknown[] } }).log.entries;
        expect(streamed(bytes, cuts).entries).toEqual(expected);
        expect(streamed(bytes, []).entries).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a document that stops inside an entry, wherever it is cut', () => {
    const text = JSON.stringify({ log: { entries: [{ a: 'x\\"y', b: [1, { c: '\u20ac' }] }] } });
    const bytes = new TextEncoder().encode(text);
    const entriesAt = text.indexOf('[') + 1;
    for (let end = entriesAt + 1; end < bytes.length - 2; end++) {
      expect(() => streamed(bytes.subarray(0, end), [3, 17])).toThrow(/truncated|not valid JSON/);
    }
  });
});
