import { expect } from 'vitest';
import check from '../../lib/checks/authz-page-framing-blocked';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, codeFlow, hop, REDIRECT_URI, STATE } from '../support/events';

const T = 1_700_000_000_000;
const PARAMS = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256', prompt: 'none' };

/** The app page, then a hidden iframe whose authorization request lands on a login page with these headers. */
function framed(headers: Array<{ name: string; value: string }>): CapturedEvent[] {
  return [
    hop({ url: `${APP}/`, time: T }),
    ...chain([
      { url: authorizeUrl(PARAMS), time: T + 50, frameId: 3, type: 'sub_frame', status: 303 },
      { url: `${AS}/login`, time: T + 100, frameId: 3, type: 'sub_frame', responseHeaders: headers },
    ]),
  ];
}

describeCheck(check, {
  fires: [
    {
      name: 'X-Frame-Options: DENY',
      events: framed([{ name: 'X-Frame-Options', value: 'DENY' }]),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.evidence[0]?.value).toBe('X-Frame-Options: DENY');
        expect(f[0]?.evidence[1]?.value).toBe(APP);
      },
    },
    { name: 'X-Frame-Options: SAMEORIGIN from another origin', events: framed([{ name: 'X-Frame-Options', value: 'SAMEORIGIN' }]) },
    { name: "CSP frame-ancestors 'self'", events: framed([{ name: 'Content-Security-Policy', value: "default-src 'self'; frame-ancestors 'self'" }]) },
    {
      name: 'CSP frame-ancestors overrides a permissive X-Frame-Options',
      events: framed([{ name: 'Content-Security-Policy', value: "frame-ancestors 'none'" }, { name: 'X-Frame-Options', value: 'ALLOWALL' }]),
      expect: (f) => expect(f[0]?.message).toContain("frame-ancestors 'none'"),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'CSP frame-ancestors allows the app', events: framed([{ name: 'Content-Security-Policy', value: 'frame-ancestors https://*.example.com' }]) },
    { name: 'CSP allows the app even though XFO says DENY (CSP wins)', events: framed([{ name: 'Content-Security-Policy', value: `frame-ancestors ${APP}` }, { name: 'X-Frame-Options', value: 'DENY' }]) },
    { name: 'no framing headers', events: framed([]) },
    { name: 'top-level login page with XFO DENY is fine', events: codeFlow().map((e) => (e.kind === 'request' && e.url === `${AS}/interaction/abc` ? { ...e, responseHeaders: [{ name: 'X-Frame-Options', value: 'DENY' }] } : e)) },
  ],
});
