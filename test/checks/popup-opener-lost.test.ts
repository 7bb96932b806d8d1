import { expect } from 'vitest';
import check from '../../lib/checks/popup-opener-lost';
import type { CapturedEvent, NavigationEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, CODE, codeFlow, hop, REDIRECT_URI, STATE, VERIFIER } from '../support/events';

const T = 1_700_000_000_000;
const PARAMS = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };

function nav(event: NavigationEvent['event'], tabId: number, time: number, extra: Partial<NavigationEvent> = {}): NavigationEvent {
  return { kind: 'navigation', id: `n${tabId}-${time}`, event, tabId, frameId: 0, parentFrameId: -1, url: 'about:blank', time, ...extra };
}

/** App in tab 1 opens a popup (tab 2) for the login; the login page sends this COOP. */
function popupLogin(coop: string): CapturedEvent[] {
  return [
    hop({ url: `${APP}/`, tabId: 1, time: T }),
    nav('created-target', 2, T + 10, { sourceTabId: 1 }),
    ...chain([
      { url: authorizeUrl(PARAMS), tabId: 2, openerTabId: 1, time: T + 50, status: 303 },
      { url: `${AS}/login`, tabId: 2, openerTabId: 1, time: T + 100, responseHeaders: [{ name: 'Cross-Origin-Opener-Policy', value: coop }] },
    ]),
    ...chain([
      { url: `${AS}/login`, method: 'POST', tabId: 2, openerTabId: 1, time: T + 3000, form: { username: 'alice' }, status: 303 },
      { url: `${REDIRECT_URI}?code=${CODE}&state=${STATE}`, tabId: 2, openerTabId: 1, time: T + 3050 },
    ]),
  ];
}

const tokenFromOpener = hop({
  url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', tabId: 1, time: T + 3200,
  form: { grant_type: 'authorization_code', code: CODE, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, code_verifier: VERIFIER },
  requestHeaders: [{ name: 'Origin', value: APP }], responseJson: { access_token: 'at', token_type: 'Bearer' },
});

describeCheck(check, {
  fires: [
    {
      name: 'COOP same-origin on the login page, popup stays open, opener never redeems',
      events: popupLogin('same-origin'),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'same-origin' });
        expect(f[0]?.message).toContain('opened by tab 1');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'COOP same-origin-allow-popups keeps the opener', events: popupLogin('same-origin-allow-popups') },
    { name: 'the popup closed after the callback', events: [...popupLogin('same-origin'), nav('tab-removed', 2, T + 3300)] },
    { name: 'the opener redeemed the code', events: [...popupLogin('same-origin'), tokenFromOpener] },
  ],
});
