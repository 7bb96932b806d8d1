import { expect } from 'vitest';
import check from '../../lib/checks/samesite-cookie-dropped';
import type { CapturedEvent, Header } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { authorizeUrl, chain, CHALLENGE, CLIENT_ID, CODE, codeFlow, hop, STATE } from '../support/events';

const T = 1_700_000_000_000;

interface Setup {
  app?: string;
  as?: string;
  setCookie: string;
  cookieHeader?: string | null;
  mode?: 'form_post' | 'query';
  fetchSite?: string;
}

/** A server-side app whose /login sets a transaction cookie, then a form_post (or query) callback. */
function login(s: Setup): CapturedEvent[] {
  const app = s.app ?? 'http://localhost:3000';
  const as = s.as ?? 'http://127.0.0.1:4000';
  const redirectUri = `${app}/cb/form`;
  const params = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirectUri, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256', ...(s.mode === 'query' ? {} : { response_mode: 'form_post' }) };
  const headers: Header[] = [{ name: 'Origin', value: as }, { name: 'Sec-Fetch-Site', value: s.fetchSite ?? 'cross-site' }, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }];
  if (s.cookieHeader) headers.push({ name: 'Cookie', value: s.cookieHeader });
  const callback =
    s.mode === 'query'
      ? { url: `${redirectUri}?code=${CODE}&state=${STATE}`, time: T + 3100, requestHeaders: s.cookieHeader === null ? [] : headers.filter((h) => h.name !== 'Origin'), status: 400 }
      : { url: redirectUri, method: 'POST', time: T + 3100, form: { code: CODE, state: STATE }, requestHeaders: s.cookieHeader === null ? [] : headers, status: 400 };
  return [
    ...chain([
      { url: `${app}/login/form-post`, time: T, responseHeaders: [{ name: 'Set-Cookie', value: s.setCookie }] },
      { url: authorizeUrl(params).replace('https://idp.example.com', as), time: T + 50, status: 303 },
      { url: `${as}/interaction/abc`, time: T + 100 },
    ]),
    ...(s.mode === 'query'
      ? chain([{ url: `${as}/auth/abc`, time: T + 3000 }, callback])
      : [hop({ url: `${as}/auth/abc`, time: T + 3000, responseText: `<form method="post" action="${redirectUri}">` }), hop(callback)]),
  ];
}

describeCheck(check, {
  fires: [
    {
      name: 'Lax transaction cookie missing from a cross-site form_post (demo: localhost app, 127.0.0.1 provider)',
      events: login({ setCookie: 'form_tx=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=600', cookieHeader: 'other=1' }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('"form_tx" (SameSite=Lax)');
        expect(f[0]?.message).toContain('HTTP 400');
        expect(f[0]?.evidence[2]).toMatchObject({ value: 'other', expected: 'form_tx' });
      },
    },
    {
      name: 'cookie without SameSite (Lax by default) and no Cookie header at all',
      events: login({ setCookie: 'tx=abc; Path=/' }),
      expect: (f) => expect(f[0]?.message).toContain('SameSite=unset, treated as Lax'),
    },
    {
      name: 'Strict cookie withheld on a GET callback redirected from the authorization server',
      events: login({ setCookie: 'tx=abc; Path=/; SameSite=Strict', mode: 'query', cookieHeader: 'sid=1' }),
      expect: (f) => expect(f[0]?.message).toContain('cross-site navigation'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'cookie came back', events: login({ setCookie: 'form_tx=abc; Path=/; SameSite=Lax', cookieHeader: 'form_tx=abc; sid=1' }) },
    { name: 'SameSite=None; Secure cookie on https', events: login({ app: 'https://app.example.com', as: 'https://idp.example.net', setCookie: 'tx=abc; Path=/; SameSite=None; Secure', cookieHeader: 'sid=1' }) },
    { name: 'same-site authorization server (auth.example.com for app.example.com)', events: login({ app: 'https://app.example.com', as: 'https://auth.example.com', fetchSite: 'same-site', setCookie: 'tx=abc; Path=/; SameSite=Lax', cookieHeader: 'sid=1' }) },
    { name: 'Lax cookie on a GET callback is sent, not dropped', events: login({ setCookie: 'tx=abc; Path=/; SameSite=Lax', mode: 'query', cookieHeader: 'tx=abc' }) },
    { name: 'cookie scoped to another path', events: login({ setCookie: 'tx=abc; Path=/admin; SameSite=Lax', cookieHeader: 'sid=1' }) },
    { name: 'request headers not captured (not observable)', events: login({ setCookie: 'tx=abc; Path=/; SameSite=Lax', cookieHeader: null }) },
  ],
});
