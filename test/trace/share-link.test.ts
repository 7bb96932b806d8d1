import { deflateSync } from 'fflate';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { OAuthLensError } from '../../lib/errors';
import { redactTrace } from '../../lib/trace/outside-flows';
import { decodeShareFragment, encodeShareFragment, shareUrl } from '../../lib/trace/share-link';
import { makeTrace } from '../../lib/trace/trace-v1';
import { codeFlow, hop } from '../support/events';

const pack = (value: unknown) => `#trace=${base64url.encode(deflateSync(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))))}`;
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof OAuthLensError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an OAuthLensError');
};

describe('share links', () => {
  it('round-trips a redacted trace through a viewer URL', async () => {
    const trace = await redactTrace(makeTrace(codeFlow({ exchange: 'browser' })));
    const url = shareUrl('chrome-extension://abc/viewer.html#old', trace);
    expect(url).toMatch(/^chrome-extension:\/\/abc\/viewer\.html#trace=[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(url)).toEqual(trace);
  });

  it('refuses an unredacted trace and says when a trace is too big', async () => {
    expect(failure(() => encodeShareFragment(makeTrace(codeFlow())))).toMatchObject({ code: 'bad-input' });
    const noisy = Array.from({ length: 400 }, (_, i) => hop({ url: `https://app.example.com/r/${crypto.randomUUID()}?i=${i}`, responseHeaders: [{ name: 'X-Request-Id', value: crypto.randomUUID().repeat(4) }] }));
    const big = await redactTrace(makeTrace(noisy));
    const f = failure(() => encodeShareFragment(big));
    expect(f.code).toBe('too-large');
    expect(f.message).toMatch(/too big for a link .* share the file instead/);
  });

  it('refuses damaged, hostile and wrong-version links with one clear message', async () => {
    expect(failure(() => decodeShareFragment('https://x/viewer.html'))).toMatchObject({ code: 'bad-input' });
    expect(failure(() => decodeShareFragment('#trace=@@@'))).toMatchObject({ code: 'bad-input' });
    expect(failure(() => decodeShareFragment('#trace=AAAA'))).toMatchObject({ code: 'bad-input' });
    expect(failure(() => decodeShareFragment(pack('{not json')))).toMatchObject({ code: 'bad-input' });
    const trace = await redactTrace(makeTrace(codeFlow()));
    expect(failure(() => decodeShareFragment(pack({ ...trace, version: 2 })))).toMatchObject({ code: 'unsupported-version' });
    expect(failure(() => decodeShareFragment(pack({ ...trace, events: [{ kind: 'request' }] })))).toMatchObject({ code: 'bad-input' });
    // A decompression bomb: 64 MB of zeros deflates to ~64 KB; refused before it is inflated whole.
    const bomb = `#trace=${base64url.encode(deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }))}`;
    expect(failure(() => decodeShareFragment(bomb, { maxFragmentChars: 1 << 20 }))).toMatchObject({ code: 'too-large' });
    expect(failure(() => decodeShareFragment(`#trace=${'A'.repeat(40 * 1024)}`))).toMatchObject({ code: 'too-large' });
  });

  it('keeps prototype-pollution keys inert', () => {
    const text = '{"format":"oauth-lens-trace","version":1,"createdAt":"x","tool":{"name":"t","version":"1"},"redaction":{"redacted":true},"events":[],"__proto__":{"polluted":true}}';
    const trace = decodeShareFragment(pack(text));
    expect(trace.events).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
