import { decodeJwt } from 'jose';
import { safeUrl } from '../../flow/params';
import type { AuthorizeRequest, Flow } from '../../model/flow';
import { groupedBy, positionOf } from './flow-index';
import { knownDeviation } from '../../providers/match';

/**
 * Facts about an authorization request that several §2.1 checks share: whether its parameters
 * are visible at all, what kind of redirect it uses, and whether the client is evidently public.
 */

/**
 * True when the request points at parameters the browser never saw: a `request_uri` whose PAR
 * request was not captured (pushed from a server, RFC 9126 §2) or that references a request
 * object by URL (RFC 9101 §5.2), or an encrypted request object. Checks about missing parameters are then not observable.
 */
export function paramsHidden(a: AuthorizeRequest): boolean {
  return (a.requestUri !== null && !a.viaPar) || (a.request !== null && requestObjectClaims(a.request) === null);
}

/** Claims of a JAR request object, decoded only (RFC 9101 §4); null for encrypted or broken values. */
export function requestObjectClaims(jwt: string): Record<string, unknown> | null {
  try {
    return decodeJwt(jwt);
  } catch {
    return null;
  }
}

/** `response_type` as a set of values (RFC 6749 §3.1.1: space-delimited, order does not matter). */
export function responseTypeParts(responseType: string | null): string[] {
  return responseType ? responseType.split(' ').filter(Boolean) : [];
}

/** Loopback interface literals of RFC 8252 §7.3 (127.0.0.0/8, ::1) and the name `localhost` (§8.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** A private-use URI scheme redirect of a native app (RFC 8252 §7.1), e.g. `com.example.app:/cb`. */
export function isCustomScheme(url: string): boolean {
  const u = safeUrl(url);
  return u !== null && !/^(?:https?|about|data|blob|javascript):$/.test(u.protocol);
}

export function isLoopbackRedirect(url: string): boolean {
  const u = safeUrl(url);
  return u !== null && u.protocol === 'http:' && isLoopbackHost(u.hostname);
}

/**
 * The client is evidently public (RFC 6749 §2.1): the browser redeemed the code without any
 * client authentication, or the redirect is a native-app loopback or custom scheme (RFC 8252 §8.4).
 */
export function publicClientEvidence(flow: Flow): string | null {
  const redeemed = flow.tokens.find((t) => t.grantType === 'authorization_code' && t.clientAuth === 'none');
  if (redeemed) return 'the browser redeems the code without client authentication';
  const redirect = flow.authorize?.redirectUri ?? null;
  if (redirect && isLoopbackRedirect(redirect)) return `the redirect_uri is a loopback address (${redirect})`;
  if (redirect && isCustomScheme(redirect)) return `the redirect_uri uses a custom scheme (${redirect})`;
  return null;
}

/**
 * A code flow whose authorization request shows no code_challenge, from a client with no sign of
 * being public: what pkce-missing warns about, and what a provider that offers web clients no PKCE
 * (deviation `web-flow-without-pkce`) explains instead. A public client without PKCE is a defect
 * at any provider.
 */
export function confidentialCodeFlowWithoutPkce(flow: Flow): boolean {
  const a = flow.authorize;
  return a !== null && responseTypeParts(a.responseType).includes('code') && a.codeChallenge === null && !paramsHidden(a) && publicClientEvidence(flow) === null;
}

/** Time of the flow's authorization request, or its start when there is none. */
export function authorizeTime(flow: Flow): number {
  return flow.authorize ? flow.steps[flow.authorize.step]?.time ?? flow.startTime : flow.startTime;
}

/** Authorization request values that must be fresh per flow. */
export type PerFlowValue = 'state' | 'nonce' | 'codeChallenge' | 'requestUri';

/**
 * Earlier flows whose authorization request carried the same value (state, nonce, challenge,
 * request_uri). Cross-flow checks report on the later flow only, so each reuse is reported once.
 * Flows are looked up by value (issue 12), in the order of `flows`.
 */
export function earlierFlowsWithSame(flow: Flow, flows: readonly Flow[], field: PerFlowValue): Flow[] {
  const value = flow.authorize?.[field] ?? null;
  if (value === null) return [];
  const same = groupedBy(flows, `authorize.${field}`, (f) => f.authorize?.[field] ?? null).get(value) ?? [];
  if (same.length < 2) return [];
  const t = authorizeTime(flow);
  const at = positionOf(flows, flow);
  return same.filter((f) => {
    if (f === flow) return false;
    const ft = authorizeTime(f);
    return ft < t || (ft === t && positionOf(flows, f) < at);
  });
}

/** "s256", "Plain": a valid PKCE method name in another case (RFC 7636 §4.3 names are case-sensitive). */
export function anyCase(method: string): boolean {
  return method.toUpperCase() === 'S256' || method.toLowerCase() === 'plain';
}

/**
 * The PKCE method the server applies: as sent (absent means "plain", RFC 7636 §4.3), or its
 * canonical spelling when the flow's provider reads the name in any case (Supabase's "s256").
 */
export function pkceMethod(flow: Flow): string {
  const method = flow.authorize?.codeChallengeMethod ?? 'plain';
  if (method === 'S256' || method === 'plain' || !anyCase(method) || !knownDeviation(flow, 'pkce-method-any-case')) return method;
  return method.toUpperCase() === 'S256' ? 'S256' : 'plain';
}
