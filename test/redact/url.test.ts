import { describe, expect, it } from 'vitest';
import { fragmentParams, getParam, queryParams } from '../../lib/flow/params';
import { redactUrl } from '../../lib/redact/url';
import { run, TAG } from './support';

const u = (url: string) => run((ctx) => redactUrl(url, ctx)).then((r) => r.out);

describe('URL redaction (docs/trace-format.md "What is redacted")', () => {
  it('keeps non-secret parameters byte for byte and tags secret ones', async () => {
    const url =
      'https://idp.example.com/authorize?client_id=web-app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid+profile&state=abc%2Bdef&nonce=n1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&login_hint=alice%40example.com';
    const out = await u(url);
    expect(out.startsWith('https://idp.example.com/authorize?client_id=web-app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid+profile&state=⟦')).toBe(true);
    expect(out).toContain('&code_challenge_method=S256&');
    for (const secret of ['abc', 'E9Melhoa2Ow', 'alice']) expect(out).not.toContain(secret);
    // The analyzer still parses it, and reads the same tags through URL + URLSearchParams.
    const params = queryParams(out);
    expect(getParam(params, 'redirect_uri')).toBe('https://app.example.com/cb');
    expect(getParam(params, 'state')).toMatch(new RegExp(`^${TAG.source}$`));
    expect(new URL(out).searchParams.get('scope')).toBe('openid profile');
  });

  it('gives a value the same tag in a query, a fragment and a form body (canon: decoded once, + is space)', async () => {
    const r = await run((ctx) => [
      redactUrl('https://idp/a?state=a%20b%2Bc', ctx),
      redactUrl('https://app/cb#state=a+b%2Bc&access_token=tok', ctx),
      ctx.tag('state', 'a b+c'),
    ]);
    expect(getParam(queryParams(r.out[0]!), 'state')).toBe(r.out[2]);
    expect(getParam(fragmentParams(r.out[1]!), 'state')).toBe(r.out[2]);
    expect(getParam(fragmentParams(r.out[1]!), 'access_token')).toMatch(TAG);
  });

  it('redacts SPA-route fragments, nested URLs, userinfo and emails/JWTs in paths', async () => {
    expect(await u('https://app/#/callback?code=spa-code-1&x=1')).toMatch(/^https:\/\/app\/#\/callback\?code=⟦code:[^&]+&x=1$/);
    const nested = await u(`https://app/login?return_to=${encodeURIComponent('https://app/cb?code=nested-code-9')}`);
    expect(nested).not.toContain('nested-code-9');
    expect(decodeURIComponent(nested)).toMatch(/return_to=https:\/\/app\/cb\?code=⟦code:/);
    const userinfo = await u('https://bob:hunter2@host.example/x');
    expect(userinfo).not.toMatch(/bob|hunter2/);
    expect(new URL(userinfo).host).toBe('host.example');
    expect(await u('https://api/users/alice%40example.com/profile')).not.toMatch(/alice/);
  });

  it('leaves empty values and URLs without secrets unchanged, and never throws on junk', async () => {
    expect(await u('https://app/cb?state=&code=')).toBe('https://app/cb?state=&code=');
    expect(await u('not a url ?%%%&=&&#')).toBe('not a url ?%%%&=&&#');
    expect(await u('https://idp.example.com/.well-known/openid-configuration')).toBe('https://idp.example.com/.well-known/openid-configuration');
  });
});
