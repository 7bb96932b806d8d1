import { describe, expect, it } from 'vitest';
import { redactHeader } from '../../lib/redact/headers';
import { run, TAG } from './support';

const h = (name: string, value: string) => run((ctx) => redactHeader(name, value, ctx)).then((r) => r.out);

describe('header redaction (docs/trace-format.md "What is redacted", headers)', () => {
  it('Basic: keeps the scheme and the client_id, tags the secret, and is no longer base64', async () => {
    const creds = btoa('web-app:s3cr3t%2Bpass'); // RFC 6749 §2.3.1: halves are form-encoded
    const out = await h('Authorization', `Basic ${creds}`);
    expect(out).toMatch(new RegExp(`^Basic web-app:${TAG.source}$`));
    expect(out).not.toContain(creds);
    expect(out).not.toContain('s3cr3t');
    // The same secret in a form body gets the same tag (canon: form-decoded once).
    const both = await run((ctx) => [redactHeader('authorization', `Basic ${creds}`, ctx), ctx.tag('client_secret', 's3cr3t+pass')]);
    expect(both.out[0]!.endsWith(both.out[1]!)).toBe(true);
  });

  it('Bearer and DPoP: scheme kept, credential tagged like the access_token', async () => {
    const r = await run((ctx) => [redactHeader('Authorization', 'Bearer opaque-at-42', ctx), ctx.tag('access_token', 'opaque-at-42')]);
    expect(r.out[0]).toBe(`Bearer ${r.out[1]}`);
    expect(await h('Authorization', 'DPoP opaque-at-42')).toMatch(/^DPoP ⟦/);
  });

  it('Cookie: names stay, values are tagged, a returned cookie matches the one set', async () => {
    const r = await run((ctx) => [
      redactHeader('Set-Cookie', 'sid=abc123xyz; Domain=app.example.com; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=None', ctx),
      redactHeader('Cookie', 'theme=dark; sid=abc123xyz', ctx),
    ]);
    const [set, cookie] = r.out as [string, string];
    expect(set).toMatch(new RegExp(`^sid=(${TAG.source}); Domain=app\\.example\\.com; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=None$`));
    expect(set).not.toContain('abc123xyz');
    const setTag = set.slice(4, set.indexOf(';'));
    expect(cookie).toBe(`theme=${cookie.slice(6, cookie.indexOf(';'))}; sid=${setTag}`);
    expect(cookie).not.toContain('dark');
  });

  it('Set-Cookie lines joined with newlines (Firefox) are redacted one by one; empty values stay empty', async () => {
    const out = await h('set-cookie', 'a=1111111; Path=/\nb=; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    const [first, second] = out.split('\n');
    expect(first).toMatch(new RegExp(`^a=${TAG.source}; Path=/$`));
    expect(second).toBe('b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('Location and Referer are redacted as URLs; credential headers are tagged whole', async () => {
    expect(await h('Location', '/cb?code=c0de-value&state=st4te')).toMatch(/^\/cb\?code=⟦code:[^&]+&state=⟦state:/);
    expect(await h('Referer', 'https://app.example.com/cb?code=c0de-value')).not.toContain('c0de-value');
    expect(await h('X-CSRF-Token', 'csrf-9f8e7d')).toMatch(TAG);
    expect(await h('Content-Type', 'application/json')).toBe('application/json');
  });

  it('scrubs emails from any other header', async () => {
    expect(await h('WWW-Authenticate', 'Bearer error="invalid_token", error_description="alice@example.com is blocked"')).not.toContain('alice@');
  });
});
