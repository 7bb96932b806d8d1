import { SignJWT } from 'jose';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { AS, APP, CLIENT_ID, codeFlow, hop } from '../support/events';

/**
 * Hostile inputs for redaction (issue 12), shared by test/hostile/redaction.test.ts and
 * bench/redact.ts: each is an ordinary login with one pathological value added.
 */
const KEY = new TextEncoder().encode('hostile-input-test-key-0123456789abcdef');

async function sign(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(KEY);
}

/** Token response of a login; the id_token is whatever the case needs. */
function withTokens(idToken: string, extra: Partial<Record<string, string>> = {}): CapturedEvent[] {
  return codeFlow({
    exchange: 'browser',
    tokenResponse: { access_token: extra.access_token ?? 'at-hostile-0123456789abcdef', id_token: idToken, token_type: 'Bearer', expires_in: 300 },
  });
}

/** An Entra/Okta-style id_token for a user in many groups: `groups` of about `kb` KB. */
export async function groupsLogin(kb: number): Promise<{ events: CapturedEvent[]; idToken: string }> {
  const groups: string[] = [];
  while (groups.join('","').length < kb * 1024) groups.push(crypto.randomUUID());
  const idToken = await sign({ iss: AS, aud: CLIENT_ID, sub: 'sub-hostile-1', nonce: 'n-0S6_WzA2Mj-nonce-77', groups, iat: 1, exp: 2 });
  return { events: withTokens(idToken), idToken };
}

/** A JWT whose one claim is `kb` KB long (a claim that is a blob), sent as the access token. */
export async function hugeClaimLogin(kb: number): Promise<{ events: CapturedEvent[]; token: string }> {
  const token = await sign({ iss: AS, sub: 'sub-hostile-2', blob: 'x'.repeat(kb * 1024), iat: 1, exp: 2 });
  return { events: withTokens(await sign({ iss: AS, aud: CLIENT_ID, sub: 's', iat: 1, exp: 2 }), { access_token: token }), token };
}

/**
 * The login whose token response carries a member nested `depth` levels deep (objects, then
 * arrays), plus an unrelated API response nested as deep (its body is dropped on export, but
 * still read while collecting tags).
 */
export function deepJsonLogin(depth: number): CapturedEvent[] {
  const objects = `${'{"a":'.repeat(depth)}"deep-secret-leaf"${'}'.repeat(depth)}`;
  const arrays = `${'['.repeat(depth)}"deep-secret-leaf"${']'.repeat(depth)}`;
  const events = codeFlow({ exchange: 'browser', tokenResponse: { access_token: 'at-deep-0123456789', token_type: 'Bearer', expires_in: 300 } });
  const token = events[events.length - 1]!;
  if (token.kind !== 'request' || !token.responseBody) throw new Error('expected the token request last');
  token.responseBody = { ...token.responseBody, text: `{"access_token":"at-deep-0123456789","token_type":"Bearer","expires_in":300,"x":${objects},"y":${arrays}}` };
  const api = hop({ url: `${APP}/api/deep`, type: 'xmlhttprequest', responseText: objects });
  api.responseBody = { ...api.responseBody!, mimeType: 'application/json' };
  return [...events, api];
}

/**
 * The login whose authorize URL carries one query value of `kb` KB. `shape` picks the worst case
 * for each old scrub pattern: an email-like run with no `@`, a JWT-like run with no dots, or a
 * run of `a=` pairs.
 */
export function longQueryLogin(kb: number, shape: 'word' | 'eyj' | 'pairs' = 'word'): CapturedEvent[] {
  const n = kb * 1024;
  const value = shape === 'word' ? 'a.b-c_d+'.repeat(n / 8) : shape === 'eyj' ? `eyJ${'A'.repeat(n)}` : 'x=y&'.repeat(n / 4);
  return codeFlow({ exchange: 'browser', authorizeParams: { ui_locales: value } });
}

/** The login whose callback request carries one header of `mb` MB. */
export function bigHeaderLogin(mb: number): CapturedEvent[] {
  const events = codeFlow({ exchange: 'browser' });
  const value = 'Zz0-_9.'.repeat(Math.ceil((mb * 1048576) / 7)).slice(0, mb * 1048576);
  return events.map((e, i) => (i === 1 && e.kind === 'request' ? { ...e, requestHeaders: [...(e.requestHeaders ?? []), { name: 'X-Big', value }] } : e));
}

/** Classic XSS payloads in every free-text place of a login (URL, headers, HTML, error text). */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '\u202e<iframe srcdoc="<script>parent.alert(1)</script>">',
  `${'<a href="'.repeat(2000)}x`,
];

export function xssLogin(): CapturedEvent[] {
  const events = codeFlow({ exchange: 'browser' });
  const payload = XSS_PAYLOADS.join(' ');
  const error = hop({
    url: `${AS}/authorize/error?error_description=${encodeURIComponent(payload)}&state=${encodeURIComponent(payload)}`,
    requestHeaders: [{ name: 'X-Note', value: payload }],
    responseText: `<html><body><p>${payload}</p><script>var accessToken = "at-in-xss-page-0123456789"; ${payload}</script></body></html>`,
    error: payload,
  });
  return [...events.map((e) => (e.kind === 'request' ? ({ ...e, statusText: payload } as RequestEvent) : e)), error];
}
