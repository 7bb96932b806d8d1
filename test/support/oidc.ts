import { createHash } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { APP, AS, CLIENT_ID, CODE, NONCE, REDIRECT_URI, STATE, authorizeUrl, chain, codeFlow, hop, type CodeFlowOptions } from './events';

/**
 * OIDC material for ID-Token tests: a real RS256 key pair, signed ID Tokens, and the discovery
 * and JWKS responses a SPA library fetches. Times line up with `codeFlow()`'s defaults.
 */
export const T0 = 1_700_000_000_000;
/** When codeFlow({ exchange: 'browser' }) sends its token request (its response ends 20 ms later). */
export const TOKEN_TIME = T0 + 2300;
export const NOW_S = Math.floor(TOKEN_TIME / 1000);
export const KID = 'rsa-2024-01';
export const SUB = '248289761001';
export const ACCESS_TOKEN = 'at-123';

const pair = await generateKeyPair('RS256', { extractable: true });
export const privateKey: CryptoKey = pair.privateKey;
export const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
/** A second key the provider never published (an attacker's, or a rotated-out one). */
export const strangerKey: CryptoKey = (await generateKeyPair('RS256', { extractable: true })).privateKey;

/** base64url(left half of SHA-256(value)) — at_hash / c_hash for RS256 (OIDC-Core §3.1.3.6). */
export function leftHalfS256(value: string): string {
  const digest = createHash('sha256').update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

export interface IdTokenInit {
  /** Claims to set or (with null) remove from the default set. */
  claims?: Record<string, unknown>;
  header?: { alg?: string; kid?: string | null; typ?: string };
  key?: CryptoKey;
}

export async function signIdToken(init: IdTokenInit = {}): Promise<string> {
  const claims: Record<string, unknown> = {
    iss: AS,
    sub: SUB,
    aud: CLIENT_ID,
    exp: NOW_S + 3600,
    iat: NOW_S,
    auth_time: NOW_S - 2,
    nonce: NONCE,
    at_hash: leftHalfS256(ACCESS_TOKEN),
  };
  for (const [k, v] of Object.entries(init.claims ?? {})) {
    if (v === null) delete claims[k];
    else claims[k] = v;
  }
  const kid = init.header?.kid === undefined ? KID : init.header.kid;
  const header = { alg: init.header?.alg ?? 'RS256', ...(kid === null ? {} : { kid }), ...(init.header?.typ ? { typ: init.header.typ } : {}) };
  return new SignJWT(claims).setProtectedHeader(header).sign(init.key ?? privateKey);
}

export function discoveryHop(overrides: Record<string, unknown> = {}, time = T0 - 500): RequestEvent {
  return hop({
    url: `${AS}/.well-known/openid-configuration`,
    type: 'xmlhttprequest',
    time,
    requestHeaders: [{ name: 'Origin', value: 'https://app.example.com' }],
    responseJson: {
      issuer: AS,
      authorization_endpoint: `${AS}/authorize`,
      token_endpoint: `${AS}/token`,
      userinfo_endpoint: `${AS}/me`,
      jwks_uri: `${AS}/jwks`,
      response_types_supported: ['code', 'id_token', 'code id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      ...overrides,
    },
  });
}

export function jwksHop(keys: JWK[] = [publicJwk], time = TOKEN_TIME + 100): RequestEvent {
  return hop({ url: `${AS}/jwks`, type: 'xmlhttprequest', time, responseJson: { keys } });
}

export interface OidcFlowOptions extends CodeFlowOptions {
  /** The ID Token in the token response (null: none). Defaults to a valid signed token. */
  idToken?: string | null;
  /** Extra members of the token response. */
  response?: Record<string, unknown>;
  discovery?: Record<string, unknown> | false;
  jwks?: JWK[] | false;
}

/** A clean OIDC code flow redeemed by the browser, with discovery and JWKS captured. */
export async function oidcCodeFlow(options: OidcFlowOptions = {}): Promise<CapturedEvent[]> {
  const idToken = options.idToken === undefined ? await signIdToken() : options.idToken;
  const response: Record<string, unknown> = {
    access_token: ACCESS_TOKEN,
    token_type: 'Bearer',
    expires_in: 3600,
    scope: 'openid profile email',
    ...(idToken === null ? {} : { id_token: idToken }),
    ...options.response,
  };
  const events: CapturedEvent[] = [];
  if (options.discovery !== false) events.push(discoveryHop(options.discovery || {}, (options.startTime ?? T0) - 500));
  events.push(...codeFlow({ exchange: 'browser', tokenResponse: response, ...options }));
  if (options.jwks !== false) events.push(jwksHop(options.jwks || [publicJwk], (options.startTime ?? T0) + 2400));
  return events;
}

export interface HybridFlowOptions {
  responseType?: string;
  /** Fragment parameters of the authorization response (null removes a default). */
  fragment?: Record<string, string | null>;
  authorizeParams?: Record<string, string>;
}

/**
 * A hybrid / implicit response delivered in the fragment (MRT §2.1): the authorization server
 * redirects straight to the callback (existing session), and the fragment rides in Location.
 */
export function hybridFlow(options: HybridFlowOptions = {}): CapturedEvent[] {
  const responseType = options.responseType ?? 'code id_token';
  const authorize = { client_id: CLIENT_ID, response_type: responseType, redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, nonce: NONCE, ...options.authorizeParams };
  const fragment: Record<string, string> = { code: CODE, state: STATE };
  for (const [k, v] of Object.entries(options.fragment ?? {})) {
    if (v === null) delete fragment[k];
    else fragment[k] = v;
  }
  return [
    discoveryHop(),
    ...chain([
      { url: `${APP}/login`, time: T0 },
      { url: authorizeUrl(authorize), time: T0 + 50, status: 302, location: `${REDIRECT_URI}#${new URLSearchParams(fragment).toString()}` },
      { url: REDIRECT_URI, time: T0 + 100 },
    ]),
    jwksHop([publicJwk], T0 + 400),
  ];
}
