import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charsetOf, computeTags, isTag, parseTag, randomKey } from '../../lib/redact/tags';
import { KEY } from './support';

describe('tags (docs/trace-format.md "Tags")', () => {
  it('gives the same value the same tag under one key, whatever label it was seen with', async () => {
    const tags = await computeTags(new Map([['v-123', 'state']]), KEY);
    const again = await computeTags(new Map([['v-123', 'state']]), KEY);
    expect(tags.get('v-123')).toBe(again.get('v-123'));
    expect(tags.get('v-123')).toMatch(/^⟦state:[0-9a-f]{12}:5:b64url⟧$/);
  });

  it('gives different values different tags and different keys unlinkable tags', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), async (a, b) => {
        fc.pre(a !== b);
        const one = await computeTags(new Map([[a, 'x'], [b, 'x']]), KEY);
        expect(one.get(a)).not.toBe(one.get(b));
        const other = await computeTags(new Map([[a, 'x']]), randomKey());
        expect(other.get(a)).not.toBe(one.get(a));
      }),
      { numRuns: 50 },
    );
  });

  it('never contains the value and round-trips through parseTag with its shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_-]{6,64}$/), async (v) => {
        const tag = (await computeTags(new Map([[v, 'code_verifier']]), KEY)).get(v)!;
        expect(isTag(tag)).toBe(true);
        expect(tag.includes(v)).toBe(false);
        expect(parseTag(tag)).toMatchObject({ label: 'code_verifier', length: v.length });
      }),
      { numRuns: 50 },
    );
  });

  it('classifies charsets from narrow to wide', () => {
    expect(charsetOf('0123')).toBe('digits');
    expect(charsetOf('deadBEEF')).toBe('hex');
    expect(charsetOf('abcXYZ9')).toBe('alnum');
    expect(charsetOf('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe('b64url');
    expect(charsetOf('a.b~c')).toBe('unreserved');
    expect(charsetOf('ab+/==')).toBe('b64');
    expect(charsetOf('a b')).toBe('ascii');
    expect(charsetOf('é')).toBe('other');
  });

  it('rejects look-alikes as tags', () => {
    expect(isTag('⟦state:xyz⟧')).toBe(false);
    expect(isTag('x⟦state:0123456789ab:3:hex⟧')).toBe(false);
    expect(parseTag('plain')).toBeNull();
  });
});
