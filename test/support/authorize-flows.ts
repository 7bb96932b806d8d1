import type { CapturedEvent } from '../../lib/model/event';
import { APP, AS, CLIENT_ID, chain, hop, NONCE, REDIRECT_URI, STATE } from './events';

/** A discovery document fetched by the SPA just before login (OIDC-Disc §3). */
export function discovery(fields: Record<string, unknown> = {}, time = 1_699_999_999_000): CapturedEvent {
  return hop({
    url: `${AS}/.well-known/openid-configuration`,
    type: 'xmlhttprequest',
    time,
    responseJson: {
      issuer: AS,
      authorization_endpoint: `${AS}/authorize`,
      token_endpoint: `${AS}/token`,
      jwks_uri: `${AS}/jwks`,
      response_types_supported: ['code', 'id_token', 'code id_token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      ...fields,
    },
  });
}

export interface ImplicitOptions {
  authorizeParams?: Record<string, string | null>;
  /** Response parameters; they travel in the fragment unless `responseIn` says otherwise. */
  response?: Record<string, string>;
  responseIn?: 'fragment' | 'query';
  startTime?: number;
}

/** A legacy implicit login: authorize → login → 302 to redirect_uri#access_token=… (RFC 6749 §4.2). */
export function implicitFlow(options: ImplicitOptions = {}): CapturedEvent[] {
  const t = options.startTime ?? 1_700_000_000_000;
  const params: Record<string, string> = {
    client_id: CLIENT_ID,
    response_type: 'id_token token',
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile',
    state: STATE,
    nonce: NONCE,
  };
  for (const [k, v] of Object.entries(options.authorizeParams ?? {})) {
    if (v === null) delete params[k];
    else params[k] = v;
  }
  const response = new URLSearchParams(
    options.response ?? { access_token: 'at-implicit-1', token_type: 'Bearer', id_token: 'eyJhbGciOiJub25lIn0.e30.', state: params.state ?? STATE, expires_in: '3600' },
  ).toString();
  const redirect = params.redirect_uri ?? REDIRECT_URI;
  const target = options.responseIn === 'query' ? `${redirect}?${response}` : `${redirect}#${response}`;
  return [
    ...chain([
      { url: `${APP}/`, time: t },
      { url: `${AS}/authorize?${new URLSearchParams(params).toString()}`, time: t + 50, status: 303, location: `${AS}/interaction/i1` },
      { url: `${AS}/interaction/i1`, time: t + 100 },
    ]),
    ...chain([
      { url: `${AS}/interaction/i1/login`, method: 'POST', time: t + 2000, form: { login: 'alice', password: 'pw' }, status: 303, location: `${AS}/authorize/i1` },
      { url: `${AS}/authorize/i1`, time: t + 2050, status: 303, location: target },
      { url: options.responseIn === 'query' ? target : redirect, time: t + 2100 },
    ]),
  ];
}

export const REQUEST_URI = 'urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c';

/** A browser-pushed authorization request (RFC 9126 §2.1) answered with 201 {request_uri, expires_in}. */
export function parPush(options: { time?: number; expiresIn?: number; requestUri?: string; body?: Record<string, string> } = {}): CapturedEvent {
  return hop({
    url: `${AS}/par`,
    method: 'POST',
    type: 'xmlhttprequest',
    time: options.time ?? 1_699_999_999_500,
    requestHeaders: [{ name: 'Origin', value: APP }, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    form: options.body ?? {
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile',
      state: STATE,
      nonce: NONCE,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    },
    status: 201,
    responseJson: { request_uri: options.requestUri ?? REQUEST_URI, expires_in: options.expiresIn ?? 60 },
  });
}

/** The navigation that follows a push: only client_id and request_uri (plus any `extra`). */
export function parAuthorize(options: { time?: number; requestUri?: string; extra?: Record<string, string>; tabId?: number } = {}): CapturedEvent[] {
  const query = new URLSearchParams({ client_id: CLIENT_ID, request_uri: options.requestUri ?? REQUEST_URI, ...options.extra }).toString();
  const t = options.time ?? 1_700_000_000_000;
  return chain([
    { url: `${AS}/authorize?${query}`, time: t, status: 303, location: `${AS}/interaction/p1`, tabId: options.tabId ?? 1 },
    { url: `${AS}/interaction/p1`, time: t + 50, tabId: options.tabId ?? 1 },
  ]);
}
