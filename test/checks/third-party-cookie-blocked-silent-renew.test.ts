import { expect } from 'vitest';
import check from '../../lib/checks/third-party-cookie-blocked-silent-renew';
import type { CapturedEvent, Header } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, codeFlow } from '../support/events';

const T = 1_700_000_000_000;
const SHOP = 'https://shop.example.org';

function params(state: string, extra: Record<string, string> = {}) {
  return { client_id: CLIENT_ID, response_type: 'code', redirect_uri: `${SHOP}/callback`, scope: 'openid', state, code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra };
}

/** A top-level login at the authorization server, which sets its session cookie. */
function topLevelLogin(app = SHOP): CapturedEvent[] {
  return chain([
    { url: `${app}/`, time: T },
    { url: authorizeUrl({ ...params('top-level-state-1234567'), redirect_uri: `${app}/callback` }), time: T + 50, status: 303 },
    { url: `${AS}/login`, method: 'POST', time: T + 2000, form: { username: 'alice' }, status: 303, responseHeaders: [{ name: 'Set-Cookie', value: '_session=s1; Path=/; Secure; HttpOnly; SameSite=None' }] },
    { url: `${app}/callback?code=c1&state=top-level-state-1234567`, time: T + 2100 },
  ]);
}

/** Ten minutes later: a hidden iframe with prompt=none answered login_required. */
function silentRenew(requestHeaders: Header[], app = SHOP): CapturedEvent[] {
  return chain([
    { url: authorizeUrl({ ...params('silent-renew-state-7654321', { prompt: 'none' }), redirect_uri: `${app}/silent.html` }), time: T + 600_000, frameId: 5, type: 'sub_frame', requestHeaders },
    { url: `${app}/silent.html?error=login_required&state=silent-renew-state-7654321`, time: T + 600_050, frameId: 5, type: 'sub_frame' },
  ]);
}

describeCheck(check, {
  fires: [
    {
      name: 'cross-site iframe sent no cookies and got login_required after a top-level login',
      events: [...topLevelLogin(), ...silentRenew([{ name: 'Sec-Fetch-Dest', value: 'iframe' }])],
      expect: (f) => {
        expect(f[0]?.message).toContain('login_required');
        expect(f[0]?.message).toContain('_session');
        expect(f[0]?.evidence[2]).toMatchObject({ value: '_session' });
      },
    },
    {
      name: 'request headers not captured: fires with that caveat',
      events: [...topLevelLogin(), ...silentRenew([])],
      expect: (f) => expect(f[0]?.message).toContain('not captured'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'the session cookie was sent: the session really ended', events: [...topLevelLogin(), ...silentRenew([{ name: 'Cookie', value: '_session=s1' }])] },
    { name: 'no top-level login in the capture', events: silentRenew([{ name: 'Sec-Fetch-Dest', value: 'iframe' }]) },
    {
      name: 'same-site authorization server (third-party blocking does not apply)',
      events: [...topLevelLogin('https://app.example.com'), ...silentRenew([{ name: 'Sec-Fetch-Dest', value: 'iframe' }], 'https://app.example.com')],
    },
  ],
});
