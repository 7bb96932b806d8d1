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
