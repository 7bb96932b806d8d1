import { describe, expect, it } from 'vitest';
import { linkBrokeredFlows } from '../../lib/flow/broker-link';
import type { Flow, Step, StepKind } from '../../lib/model/flow';

// lib/flow/broker-link.ts on hand-made flows: each condition of the link, one at a time.

const WINDOW = 15 * 60 * 1000;
const T = 1_700_000_000_000;

function step(kind: StepKind, url: string, time: number, tabId: number): Step {
  return { kind, event: null, observed: true, method: 'GET', url, status: 302, time, tabId, frameId: 0, context: 'top' };
}

interface Shape {
  id: string;
  authorize: string;
  redirectUri: string;
  start: number;
  callbackAt?: number;
  tab?: number;
}

function flow(s: Shape): Flow {
  const tab = s.tab ?? 1;
  const steps = [step('authorize', s.authorize, T + s.start, tab), ...(s.callbackAt === undefined ? [] : [step('callback', `${s.redirectUri}?code=c`, T + s.callbackAt, tab)])];
  return {
    id: s.id,
    grant: 'authorization_code',
    clientId: 'c',
    issuer: null,
    serverOrigin: new URL(s.authorize).origin,
    redirectUri: s.redirectUri,
    steps,
    authorize: {
      step: 0, params: [], clientId: 'c', redirectUri: s.redirectUri, state: null, nonce: null, codeChallenge: null, codeChallengeMethod: null,
      responseType: 'code', responseMode: null, effectiveResponseMode: 'query', scope: null, prompt: null, maxAge: null, requestUri: null, request: null, viaPar: false, opaque: false,
    },
    callback: s.callbackAt === undefined ? null : { step: 1, location: 'query', params: [], code: 'c', state: null, error: null, errorDescription: null, iss: null, idToken: null, accessToken: null, matchedBy: 'state' },
    tokens: [],
    tokenExchange: 'none',
    errorPage: null,
    startTime: T + s.start,
    tabIds: [tab],
  };
}

const AUTH0 = 'https://tenant.eu.auth0.com/authorize?client_id=c&connection=google-oauth2';
const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=g';
const APP_CB = 'https://app.example.com/callback';
const AUTH0_CB = 'https://tenant.eu.auth0.com/login/callback';

const app = (over: Partial<Shape> = {}) => flow({ id: 'f1', authorize: AUTH0, redirectUri: APP_CB, start: 0, callbackAt: 3000, ...over });
const leg = (over: Partial<Shape> = {}) => flow({ id: 'f2', authorize: GOOGLE, redirectUri: AUTH0_CB, start: 400, callbackAt: 2000, ...over });

function links(flows: Flow[]): Array<[string, string | null, string[] | null]> {
  return linkBrokeredFlows(flows, WINDOW).map((f) => [f.id, f.upstreamOf ?? null, f.upstreamLegs ?? null]);
}

const LINKED: Array<[string, string | null, string[] | null]> = [
  ['f1', null, ['f2']],
  ['f2', 'f1', null],
];
const UNLINKED: Array<[string, string | null, string[] | null]> = [
  ['f1', null, null],
  ['f2', null, null],
];

describe('linkBrokeredFlows', () => {
  it('links an upstream leg issued while the app flow waits, returning to the broker, before the app callback', () => {
    expect(links([app(), leg()])).toEqual(LINKED);
  });

  it('links a leg that never came back (an upstream error page) to an app flow that never got its callback', () => {
    expect(links([app({ callbackAt: undefined }), leg({ callbackAt: undefined })])).toEqual(LINKED);
  });

  it("links by the broker's documented callback when it is on another origin than the broker's authorization request", () => {
    const keycloak = 'https://login.example.com/realms/acme/protocol/openid-connect/auth?client_id=web';
    const documented = 'https://kc-internal.example.com/realms/acme/broker/google/endpoint';
    expect(links([app({ authorize: keycloak }), leg({ redirectUri: documented })])).toEqual(LINKED);
    expect(links([app({ authorize: keycloak }), leg({ redirectUri: 'https://kc-internal.example.com/realms/acme/account' })])).toEqual(UNLINKED);
  });

  it.each<[string, Partial<Shape>, Partial<Shape>]>([
    ['the leg started before the app flow', {}, { start: -100 }],
    ['the leg started after the app flow got its callback', { callbackAt: 300 }, { start: 400, callbackAt: 2000 }],
    ["the app's callback came before the leg's callback", { callbackAt: 1500 }, { callbackAt: 2000 }],
    ["the leg returns to another origin than the broker's", {}, { redirectUri: 'https://other.example.org/oauth/google' }],
    ['the leg ran in another tab', {}, { tab: 2 }],
    ['the leg started after the correlation window', { callbackAt: undefined }, { start: WINDOW + 1, callbackAt: undefined }],
    ["the second flow is a retry of the app's own login (same redirect_uri)", { callbackAt: undefined }, { authorize: AUTH0, redirectUri: APP_CB }],
  ])('no link when %s', (_, a, b) => {
    expect(links([app(a), leg(b)])).toEqual(UNLINKED);
  });

  it("on the broker's own origin, only its documented callback links (an app hosted on its provider's origin is no broker)", () => {
    const kc = 'https://sso.example.com/realms/acme/protocol/openid-connect/auth?client_id=';
    const admin = flow({ id: 'f1', authorize: `${kc}security-admin-console`, redirectUri: 'https://sso.example.com/admin/acme/console/', start: 0 });
    const other = flow({ id: 'f2', authorize: `${kc}account-console`, redirectUri: 'https://sso.example.com/realms/acme/account/', start: 400 });
    expect(links([admin, other])).toEqual(UNLINKED);
    const realmBroker = flow({ id: 'f2', authorize: 'https://sso.example.com/realms/upstream/protocol/openid-connect/auth?client_id=acme', redirectUri: 'https://sso.example.com/realms/acme/broker/upstream/endpoint', start: 400 });
    expect(links([admin, realmBroker])).toEqual(LINKED);
  });

  it('a retried upstream login gives the app flow two legs; with two open app flows the latest one gets the leg', () => {
    const retry = flow({ id: 'f3', authorize: 'https://github.com/login/oauth/authorize?client_id=g', redirectUri: AUTH0_CB, start: 2200, callbackAt: 2600 });
    expect(links([app(), leg({ callbackAt: undefined }), retry])).toEqual([
      ['f1', null, ['f2', 'f3']],
      ['f2', 'f1', null],
      ['f3', 'f1', null],
    ]);
    const second = flow({ id: 'f2', authorize: AUTH0, redirectUri: 'https://app2.example.com/callback', start: 200, callbackAt: 3000 });
    expect(links([app(), second, leg({ id: 'f3' })])).toEqual([
      ['f1', null, null],
      ['f2', null, ['f3']],
      ['f3', 'f2', null],
    ]);
  });

  it('chains: a broker behind a broker is the leg of one flow and the app flow of the next', () => {
    const b2c = flow({ id: 'f1', authorize: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_susi/oauth2/v2.0/authorize?client_id=a', redirectUri: APP_CB, start: 0, callbackAt: 5000 });
    const auth0 = flow({ id: 'f2', authorize: AUTH0, redirectUri: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/oauth2/authresp', start: 200, callbackAt: 4000 });
    const google = leg({ id: 'f3', start: 400, callbackAt: 3000 });
    expect(links([b2c, auth0, google])).toEqual([
      ['f1', null, ['f2']],
      ['f2', 'f1', ['f3']],
      ['f3', 'f2', null],
    ]);
  });

  it('leaves unlinked flows as they were (same objects)', () => {
    const flows = [app(), leg({ tab: 2 })];
    const out = linkBrokeredFlows(flows, WINDOW);
    expect(out[0]).toBe(flows[0]);
    expect(out[1]).toBe(flows[1]);
  });
});
