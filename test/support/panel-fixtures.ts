import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { CapturedEvent } from '../../lib/model/event';
import { discovery } from './authorize-flows';
import { APP, AS, CLIENT_ID, codeFlow, hop, NONCE, REDIRECT_URI } from './events';

/**
 * Hand-built captures for the panel's tests, bench and screenshots: a clean login, three
 * failures, a server-side exchange, a silent renew and hostile values. Real analysis runs on them.
 */
export const FIXED_NOW = Date.UTC(2025, 10, 23, 9, 30, 0);
const MIN = 60_000;

export async function sampleIdToken(iat: number, extra: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ nonce: NONCE, email: 'alice@example.com', name: 'Alice', ...extra })
    .setProtectedHeader({ alg: 'HS256', kid: 'test-key-1', typ: 'JWT' })
    .setIssuer(AS)
    .setSubject('248289761001')
    .setAudience(CLIENT_ID)
    .setIssuedAt(Math.floor(iat / 1000))
    .setExpirationTime(Math.floor(iat / 1000) + 3600)
    .sign(new TextEncoder().encode('panel-fixture-secret-not-a-real-key'));
}

/** Per-flow secrets, so flows do not share state, nonce, code or PKCE pair (that would be a finding). */
export function secrets(tag: string) {
  const verifier = `verifier-${tag}-`.padEnd(48, 'x');
  return {
    state: `st-${tag}-Qm9vYmFyYmF6cXV4cXV1eA`,
    nonce: `n-${tag}-0S6_WzA2Mj`,
    code: `code-${tag}-SplxlOBeZQQYbYS6`,
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
  };
}

function pkceParams(tag: string) {
  const s = secrets(tag);
  return {
    authorizeParams: { state: s.state, nonce: s.nonce, code_challenge: s.challenge },
    callbackParams: { code: s.code },
    tokenForm: { code_verifier: s.verifier },
  };
}

export async function successFlow(start: number): Promise<CapturedEvent[]> {
  const idToken = await sampleIdToken(start + 2300, { nonce: secrets('ok').nonce });
  return [
    discovery({ userinfo_endpoint: `${AS}/userinfo`, response_types_supported: ['code'], authorization_response_iss_parameter_supported: true }, start - 40),
    ...codeFlow({
      ...pkceParams('ok'),
      startTime: start,
      exchange: 'browser',
      tokenResponse: { access_token: 'at-8f2k', token_type: 'Bearer', expires_in: 3600, id_token: idToken, scope: 'openid profile email' },
    }),
    hop({ url: `${AS}/userinfo`, type: 'xmlhttprequest', time: start + 2400, requestHeaders: [{ name: 'Authorization', value: 'Bearer at-8f2k' }], responseJson: { sub: '248289761001', email: 'alice@example.com' } }),
  ];
}

/** The callback brings another state and the app, as a correct client does, answers it with an error page. */
export function stateMismatchFlow(start: number): CapturedEvent[] {
  const p = pkceParams('sm');
  const state = `${p.authorizeParams.state.slice(0, -4)}0000`;
  return codeFlow({ ...p, startTime: start, callbackParams: { ...p.callbackParams, state } }).map((e) =>
    e.kind === 'request' && e.url.includes(`state=${state}`)
      ? { ...e, status: 400, redirectUrl: undefined, responseHeaders: (e.responseHeaders ?? []).filter((h) => h.name.toLowerCase() !== 'location') }
      : e,
  );
}

export function tokenRejectedFlow(start: number): CapturedEvent[] {
  const p = pkceParams('tr');
  return codeFlow({
    ...p,
    startTime: start,
    exchange: 'browser',
    tokenForm: { ...p.tokenForm, redirect_uri: `${APP}/callback/` },
    tokenStatus: 400,
    tokenResponse: { error: 'invalid_grant', error_description: 'redirect_uri did not match the URI used in the authorization request' },
  });
}

export function noPkceServerFlow(start: number): CapturedEvent[] {
  return codeFlow({ startTime: start, authorizeParams: { code_challenge: null, code_challenge_method: null, state: '12345', nonce: secrets('np').nonce }, callbackParams: { code: secrets('np').code }, exchange: 'server' });
}

export function accessDeniedPopupFlow(start: number): CapturedEvent[] {
  const p = pkceParams('ad');
  return codeFlow({ ...p, startTime: start, tabId: 9, callbackParams: { code: null, error: 'access_denied', error_description: 'The user cancelled the login' } }).map((e) =>
    e.kind === 'request' ? { ...e, openerTabId: 7 } : e,
  );
}

/** Moves a flow to other hosts and another client, so a list of flows looks like real life. */
export function rehost(events: CapturedEvent[], as: string, app: string, clientId: string): CapturedEvent[] {
  const json = JSON.stringify(events)
    .replaceAll('idp.example.com', as)
    .replaceAll('app.example.com', app)
    .replaceAll(`"${CLIENT_ID}"`, JSON.stringify(clientId))
    .replaceAll(`client_id=${CLIENT_ID}`, `client_id=${encodeURIComponent(clientId)}`);
  return (JSON.parse(json) as CapturedEvent[]).map((e) => ({ ...e, id: `${clientId.slice(0, 6)}-${e.id}` }));
}

/** Every scenario, spread over the last half hour before FIXED_NOW. */
export async function panelScenarios(): Promise<CapturedEvent[]> {
  return [
    ...rehost(noPkceServerFlow(FIXED_NOW - 28 * MIN), 'sso.initech.test', 'intranet.initech.test', 'initech-portal'),
    ...(await successFlow(FIXED_NOW - 21 * MIN)),
    ...rehost(accessDeniedPopupFlow(FIXED_NOW - 14 * MIN), 'id.globex.test', 'shop.globex.test', '0oa1b2c3d4e5f6g7h8i9'),
    ...rehost(tokenRejectedFlow(FIXED_NOW - 9 * MIN), 'auth.acme-corp.test', 'spa.acme-corp.test', 'acme-spa'),
    ...rehost(stateMismatchFlow(FIXED_NOW - 3 * MIN), 'auth.acme-corp.test', 'portal.acme-corp.test', 'acme-portal'),
  ];
}

export const HOSTILE = {
  script: '<script>window.__pwned = 1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  big: 'A'.repeat(1024 * 1024),
  /** Looks like a JWT, but the payload is truncated JSON. */
  brokenJwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx.c2ln',
};

/** A login whose every visible value is an attack on the renderer. */
export function hostileFlow(start: number): CapturedEvent[] {
  return codeFlow({
    startTime: start,
    authorizeParams: { client_id: HOSTILE.script, state: HOSTILE.img, login_hint: HOSTILE.big, id_token_hint: HOSTILE.brokenJwt },
    callbackParams: { state: HOSTILE.img, id_token: 'eyJhbGciOiJub25lIn0.eyJuYW1lIjoiPGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPiJ9.' },
    exchange: 'browser',
    tokenResponse: { error: HOSTILE.script, error_description: HOSTILE.img },
    tokenStatus: 400,
  });
}

export { REDIRECT_URI };
