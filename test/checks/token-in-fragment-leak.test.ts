import { expect } from 'vitest';
import check from '../../lib/checks/token-in-fragment-leak';
import type { CapturedEvent, NavigationEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, authorizeUrl, chain, CLIENT_ID, codeFlow, hop, NONCE, REDIRECT_URI, STATE } from '../support/events';

const T = 1_700_000_000_000;
const AT = 'eyJhbGciOi.access-token-value.sig';
const FRAGMENT = `#access_token=${AT}&token_type=Bearer&id_token=a.b.c&state=${STATE}`;

/** An implicit login: app → authorize (session exists) → callback with tokens in the fragment. */
function implicitFlow(callback: { redirectTo?: string } = {}): CapturedEvent[] {
  const params = { client_id: CLIENT_ID, response_type: 'id_token token', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, nonce: NONCE };
  return chain([
    { url: `${APP}/login`, time: T },
    { url: authorizeUrl(params), time: T + 50, location: `${REDIRECT_URI}${FRAGMENT}` },
    { url: REDIRECT_URI, time: T + 100, ...(callback.redirectTo ? { location: callback.redirectTo } : {}) },
    ...(callback.redirectTo ? [{ url: callback.redirectTo, time: T + 150 }] : []),
  ]);
}

function nav(event: NavigationEvent['event'], url: string, time: number): NavigationEvent {
  return { kind: 'navigation', id: `n${time}`, event, tabId: 1, frameId: 0, parentFrameId: -1, url, time };
}

describeCheck(check, {
  fires: [
    {
      name: 'the callback redirects with a Location without fragment (hash carried over)',
      events: [...implicitFlow({ redirectTo: `${APP}/home` }), nav('committed', `${APP}/home${FRAGMENT}`, T + 160)],
      expect: (f) => {
        expect(f[0]?.message).toContain('without a fragment');
        expect(f[0]?.evidence[0]).toMatchObject({ label: 'Location (no fragment)', value: `${APP}/home` });
      },
    },
    {
      name: 'the hash stays while a third-party analytics script loads',
      events: [
        ...implicitFlow(),
        nav('committed', `${REDIRECT_URI}${FRAGMENT}`, T + 120),
        hop({ url: 'https://analytics.example.net/tag.js', type: 'script', time: T + 200 }),
      ],
      expect: (f) => expect(f[0]?.message).toContain('https://analytics.example.net'),
    },
    {
      name: 'the app copies the access token into a query string',
      events: [...implicitFlow(), hop({ url: `https://api.example.com/profile?token=${AT}`, type: 'xmlhttprequest', time: T + 300 })],
      expect: (f) => expect(f[0]?.message).toContain('https://api.example.com/profile'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    {
      name: 'hash cleared with replaceState before the third-party script loads',
      events: [
        ...implicitFlow(),
        nav('committed', `${REDIRECT_URI}${FRAGMENT}`, T + 120),
        nav('history-state', REDIRECT_URI, T + 130),
        hop({ url: 'https://analytics.example.net/tag.js', type: 'script', time: T + 200 }),
      ],
    },
    { name: 'server redirect from the callback carries its own fragment', events: implicitFlow({ redirectTo: `${APP}/home#_` }) },
    { name: 'no navigation data and no third-party traffic', events: implicitFlow() },
  ],
});
