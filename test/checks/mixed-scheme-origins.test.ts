import { expect } from 'vitest';
import check from '../../lib/checks/mixed-scheme-origins';
import { describeCheck } from '../support/check-cases';
import { AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, CODE, codeFlow, hop, STATE } from '../support/events';

const T = 1_700_000_000_000;

function flow(startPage: string, redirectUri: string, viaReferer = false) {
  const params = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirectUri, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };
  const start = viaReferer
    ? [hop({ url: authorizeUrl(params), time: T + 50, status: 200, requestHeaders: [{ name: 'Referer', value: `${startPage}/` }] })]
    : chain([
        { url: `${startPage}/login`, time: T },
        { url: authorizeUrl(params), time: T + 50 },
      ]);
  return [
    ...start,
    ...chain([
      { url: `${AS}/login`, method: 'POST', time: T + 3000, form: { username: 'alice' }, status: 303 },
      { url: `${redirectUri}?code=${CODE}&state=${STATE}`, time: T + 3050, status: 302, location: '/' },
    ]),
  ];
}

describeCheck(check, {
  fires: [
    {
      name: 'login started on http, callback on https',
      events: flow('http://app.example.com', 'https://app.example.com/callback'),
      expect: (f) => {
        expect(f[0]?.message).toContain('scheme http vs https');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'https://app.example.com', expected: 'http://app.example.com' });
      },
    },
    {
      name: 'SPA on www started the login, callback on the apex (seen through Referer)',
      events: flow('https://www.example.com', 'https://example.com/callback', true),
      expect: (f) => expect(f[0]?.message).toContain('host www.example.com vs example.com'),
    },
    { name: 'different port', events: flow('http://127.0.0.1:3000', 'http://127.0.0.1:3001/callback'), expect: (f) => expect(f[0]?.message).toContain('port') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'same origin', events: flow('https://app.example.com', 'https://app.example.com/callback') },
  ],
});
