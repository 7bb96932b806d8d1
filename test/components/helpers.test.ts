import { describe, expect, it } from 'vitest';
import { cookiesSent, cookiesSet } from '../../components/view-models/cookies';
import { diffParts } from '../../components/view-models/diff-parts';
import { formatOffset, formatRelative } from '../../components/view-models/format';
import { specLinks } from '../../components/view-models/spec-link';
import { applyUpdate, resolveTabId } from '../../components/hooks/use-bridge';
import { clampBody, wantsBody } from '../../entrypoints/devtools/body-filter';
import { describeParam } from '../../lib/flow/param-glossary';
import type { CapturedEvent } from '../../lib/model/event';
import { MAX_BODY_CHARS } from '../../lib/model/event';

describe('diffParts', () => {
  it('keeps the common prefix and suffix and isolates the difference', () => {
    expect(diffParts('https://app.example.com/callback', 'https://app.example.com/cb')).toEqual({
      prefix: 'https://app.example.com/c',
      expected: 'allback',
      actual: 'b',
      suffix: '',
      equal: false,
    });
    expect(diffParts('abcXdef', 'abcdef')).toMatchObject({ prefix: 'abc', expected: 'X', actual: '', suffix: 'def' });
    expect(diffParts('same', 'same').equal).toBe(true);
  });
  it('never overlaps prefix and suffix on repeated characters', () => {
    const d = diffParts('aaa', 'aaaa');
    expect(d.prefix + d.expected + d.suffix).toBe('aaa');
    expect(d.prefix + d.actual + d.suffix).toBe('aaaa');
  });
});

describe('specLinks', () => {
  it("links a finding's references from its check's refs, one link per section", () => {
    expect(specLinks('state-mismatch', 'RFC 6749 §4.1.2, §10.12; RFC 9700 §4.7')).toEqual([
      { text: 'RFC 6749 §4.1.2', label: 'RFC 6749 §4.1.2', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2' },
      { text: '§10.12', label: 'RFC 6749 §10.12', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12' },
      { text: 'RFC 9700 §4.7', label: 'RFC 9700 §4.7', href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.7' },
    ]);
  });
  it('shows text it does not recognise as text, never as a link', () => {
    expect(specLinks('state-mismatch', 'RFC 6749 §4.1.2; javascript:alert(1)')).toEqual([{ text: 'RFC 6749 §4.1.2; javascript:alert(1)', label: 'RFC 6749 §4.1.2; javascript:alert(1)', href: null }]);
    expect(specLinks('no-such-check', 'RFC 6749 §4.1.2')).toEqual([{ text: 'RFC 6749 §4.1.2', label: 'RFC 6749 §4.1.2', href: null }]);
  });
});

describe('cookies', () => {
  it('parses Cookie and Set-Cookie with attributes', () => {
    expect(cookiesSent([{ name: 'Cookie', value: 'a=1; b=x=y' }])).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'x=y' },
    ]);
    const [c] = cookiesSet([{ name: 'set-cookie', value: 'sid=abc; Path=/; Secure; SameSite=None' }]);
    expect(c).toMatchObject({ name: 'sid', value: 'abc', sameSite: 'None' });
    expect(c!.attributes.map((a) => a.name)).toEqual(['Path', 'Secure', 'SameSite']);
  });
});

describe('format', () => {
  it('prints offsets and relative times', () => {
    expect(formatOffset(41)).toBe('+41 ms');
    expect(formatOffset(6200)).toBe('+6.2 s');
    expect(formatRelative(1_000 + 59 * 60_000, 1_000)).toBe('in 59 min');
    expect(formatRelative(0, 3 * 86_400_000)).toBe('3 days ago');
  });
});

describe('param glossary', () => {
  it('knows OAuth parameters and not prototype names', () => {
    expect(describeParam('state')?.spec).toBe('RFC 6749 §10.12');
    expect(describeParam('constructor')).toBeNull();
    expect(describeParam('__proto__')).toBeNull();
  });
});

describe('bridge helpers', () => {
  const ev = (id: string, url = `https://x.test/${id}`): CapturedEvent => ({ kind: 'navigation', id, event: 'committed', tabId: 1, frameId: 0, parentFrameId: -1, url, time: 1 });
  it('upserts by id in place, appends new ones, drops removed ones', () => {
    const next = applyUpdate([ev('a'), ev('b'), ev('c')], [ev('b', 'https://x.test/changed'), ev('d')], ['c']);
    expect(next.map((e) => e.id)).toEqual(['a', 'b', 'd']);
    expect(next[1]!.url).toBe('https://x.test/changed');
  });
  it('reads ?tabId=N and ignores anything else', () => {
    expect(resolveTabId('?tabId=42')).toBe(42);
    expect(resolveTabId('?tabId=4x')).toBeNull();
    expect(resolveTabId('')).toBeNull();
  });
});

describe('devtools body filter', () => {
  const entry = (method: string, url: string, text?: string) => ({ request: { method, url, postData: text === undefined ? undefined : { mimeType: 'application/x-www-form-urlencoded', text } }, response: {} }) as unknown as Parameters<typeof wantsBody>[0];
  it('asks for token, userinfo, discovery and JWKS bodies only', () => {
    expect(wantsBody(entry('POST', 'https://idp.test/oauth/token', 'grant_type=authorization_code&code=x'))).toBe(true);
    expect(wantsBody(entry('GET', 'https://idp.test/.well-known/openid-configuration'))).toBe(true);
    expect(wantsBody(entry('GET', 'https://idp.test/jwks'))).toBe(true);
    expect(wantsBody(entry('GET', 'https://idp.test/me/userinfo'))).toBe(true);
    expect(wantsBody(entry('GET', 'https://app.test/index.html'))).toBe(false);
    expect(wantsBody(entry('POST', 'https://app.test/api/cart', 'item=1'))).toBe(false);
  });
  it("asks for an authorization server's own error page, not for its login pages", () => {
    const page = (url: string, status: number) => ({ request: { method: 'GET', url }, response: { status } }) as unknown as Parameters<typeof wantsBody>[0];
    const authorize = 'https://idp.test/auth?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.test%2Fcb';
    expect(wantsBody(page(authorize, 400))).toBe(true);
    expect(wantsBody(page('https://idp.test/error?error=redirect_mismatch', 400))).toBe(true);
    expect(wantsBody(page(authorize, 200))).toBe(false);
    expect(wantsBody(page(authorize, 303))).toBe(false);
    expect(wantsBody(page('https://app.test/missing', 404))).toBe(false);
  });
  it('clamps big bodies', () => {
    expect(clampBody('x'.repeat(MAX_BODY_CHARS + 5))).toMatchObject({ truncated: true });
    expect(clampBody('{}')).toEqual({ text: '{}', truncated: false });
  });
});
