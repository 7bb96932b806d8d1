import { expect } from 'vitest';
import check from '../../lib/checks/callback-never-reached';
import type { CapturedEvent, NavigationEvent } from '../../lib/model/event';
import { brokerEvents } from '../support/broker-hars';
import { describeCheck } from '../support/check-cases';
import { foldedBySafari, loginWithFoldedCallback } from '../support/folded-har';
import { APP, AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, codeFlow, hop, REDIRECT_URI, STATE } from '../support/events';

const T = 1_700_000_000_000;
const PARAMS = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };

/** App /login → authorize → the authorization server's login page, and nothing after. */
function stuckOnLogin(tabId = 1, extra: Partial<{ frameId: number; type: string; openerTabId: number; params: Record<string, string>; loginHeaders: Array<{ name: string; value: string }> }> = {}): CapturedEvent[] {
  const where = { tabId, ...(extra.frameId ? { frameId: extra.frameId } : {}), ...(extra.type ? { type: extra.type } : {}), ...(extra.openerTabId ? { openerTabId: extra.openerTabId } : {}) };
  return chain([
    ...(extra.frameId || extra.openerTabId ? [] : [{ url: `${APP}/login`, time: T, tabId }]),
    { url: authorizeUrl(extra.params ?? PARAMS), time: T + 50, ...where, status: 303 },
    { url: `${AS}/interaction/xyz`, time: T + 100, ...where, ...(extra.loginHeaders ? { responseHeaders: extra.loginHeaders } : {}) },
  ]);
}

function nav(event: NavigationEvent['event'], tabId: number, time: number, extra: Partial<NavigationEvent> = {}): NavigationEvent {
  return { kind: 'navigation', id: `n${tabId}-${time}`, event, tabId, frameId: 0, parentFrameId: -1, url: extra.url ?? 'about:blank', time, ...extra };
}

describeCheck(check, {
  fires: [
    {
      name: "brokered login whose upstream leg never returned to the broker (Google refused Auth0's callback; hand-built HAR)",
      events: brokerEvents('auth0-google-redirect-uri-mismatch.har'),
      expect: (f) => {
        const app = f.find((x) => x.message.includes('Sub-reason: the upstream login failed'));
        expect(app?.message).toContain('Auth0 sent the browser on to Google (https://accounts.google.com/o/oauth2/v2/auth), which never returned to Auth0 at https://tenant.eu.auth0.com/login/callback');
        expect(app?.severity).toBe('warning');
        expect(f.find((x) => x !== app)?.message).toMatch(/^At the upstream Google step \(Auth0's leg of the login at tenant\.eu\.auth0\.com for client AbCdEfGhIjKlMnOpQrStUvWxYz012345\): No callback reached https:\/\/tenant\.eu\.auth0\.com\/login\/callback\. Sub-reason: authorization-server error page/);
      },
    },
    {
      name: 'authorization-server error page (redirect_uri not registered)',
      events: [
        hop({
          url: authorizeUrl({ ...PARAMS, redirect_uri: 'https://app.example.com/cb' }),
          time: T,
          status: 400,
          responseText: '<html><head><style>p{}</style></head><body><h1>oops! something went wrong</h1><p>redirect_uri did not match any of the client&#39;s registered redirect_uris</p></body></html>',
        }),
      ],
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('authorization-server error page');
        expect(f[0]?.message).toContain('redirect_uri did not match');
        expect(f[0]?.message).not.toContain('<p>');
        // The sub-reason is known, so its cause and fix are too (not the catalog's "depends on the sub-reason").
        expect(f[0]?.cause).toContain('RFC 6749 §4.1.2.1');
        expect(f[0]?.fix).toContain('register the redirect_uri exactly as sent');
      },
    },
    {
      // Live capture in Chrome without DevTools: the status is known, the page's text is not.
      name: 'authorization-server error page whose text was not captured: RFC 6749 §4.1.2.1 names both causes with the values sent',
      events: [hop({ url: authorizeUrl({ ...PARAMS, redirect_uri: 'https://app.example.com/cb' }), time: T, status: 400 })],
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('its text was not captured');
        expect(f[0]?.message).toContain('RFC 6749 §4.1.2.1');
        expect(f[0]?.message).toContain(`client_id "${CLIENT_ID}"`);
        expect(f[0]?.message).toContain('redirect_uri "https://app.example.com/cb"');
        expect(f[0]?.evidence.map((e) => e.label)).toEqual(['error page', 'client_id', 'redirect_uri']);
        expect(f[0]?.fix).toContain('Open DevTools before the login');
      },
    },
    {
      name: 'popup closed before the callback',
      events: [
        hop({ url: `${APP}/`, tabId: 1, time: T - 1000 }),
        nav('created-target', 2, T + 10, { sourceTabId: 1 }),
        ...stuckOnLogin(2, { openerTabId: 1 }),
        nav('tab-removed', 2, T + 8000),
      ],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('popup closed');
        expect(f[0]?.message).toContain('8 s');
        expect(f[0]?.cause).toContain('popup was closed before');
      },
    },
    {
      name: 'silent-renew iframe timed out',
      events: [hop({ url: `${APP}/`, time: T - 1000 }), ...stuckOnLogin(1, { frameId: 4, type: 'sub_frame', params: { ...PARAMS, prompt: 'none' } }), hop({ url: `${APP}/api/data`, type: 'xmlhttprequest', time: T + 30_000 })],
      expect: (f) => expect(f[0]?.message).toContain('iframe timed out'),
    },
    {
      name: 'iframe refused by X-Frame-Options',
      events: [hop({ url: `${APP}/`, time: T - 1000 }), ...stuckOnLogin(1, { frameId: 4, type: 'sub_frame', loginHeaders: [{ name: 'X-Frame-Options', value: 'DENY' }] })],
      expect: (f) => expect(f[0]?.message).toContain('framing blocked'),
    },
    {
      name: 'user left the login page',
      events: [...stuckOnLogin(1), hop({ url: 'https://news.example.org/', time: T + 20_000 })],
      expect: (f) => expect(f[0]?.message).toContain('user left the login page'),
    },
    {
      name: 'still on the login page when capture ended',
      events: stuckOnLogin(1),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('still in progress');
      },
    },
    {
      name: 'abandoned: nothing for longer than the window',
      events: [...stuckOnLogin(1), hop({ url: `${APP}/other-tab`, tabId: 9, time: T + 20 * 60_000 })],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('abandoned');
      },
    },
    {
      name: 'without a recorder that folds redirects, coming back to the app without a callback is leaving the login',
      events: loginWithFoldedCallback(),
      expect: (f) => expect(f[0]?.message).toContain('user left the login page'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: "Safari's HAR: the callback went by inside the redirect chain folded into the app page's entry", events: foldedBySafari(loginWithFoldedCallback()) },
    { name: 'error callback still reached the app', events: codeFlow({ callbackParams: { code: null, error: 'access_denied' } }) },
    { name: 'redirect to a custom scheme (not observable)', events: stuckOnLogin(1, { params: { ...PARAMS, redirect_uri: 'com.example.app:/oauth2redirect' } }) },
  ],
});
