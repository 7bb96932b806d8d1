import type { RequestEvent } from '../model/event';
import type { TokenExchange } from '../model/flow';
import { bodyParams, getParam, headerValue, queryParams, responseObject } from './params';
import { sessionExchangeOf } from '../providers/match';

/** How the client authenticated at the token endpoint (RFC 6749 §2.3.1; RFC 7523 §2.2). */
function clientAuthOf(event: RequestEvent, params: ReturnType<typeof bodyParams>): TokenExchange['clientAuth'] {
  const auth = headerValue(event.requestHeaders, 'authorization') ?? '';
  if (/^basic\s/i.test(auth)) return 'basic';
  if (getParam(params, 'client_assertion')) return 'assertion';
  if (getParam(params, 'client_secret') !== null) return 'secret-post';
  return 'none';
}

export function buildTokenExchange(step: number, event: RequestEvent, matchedBy: TokenExchange['matchedBy']): TokenExchange {
  const body = bodyParams(event);
  const params = body.length ? body : queryParams(event.url);
  const get = (name: string) => getParam(params, name);
  // A provider's session API (Supabase /auth/v1/token?grant_type=pkce, JSON {auth_code, code_verifier}) redeems a code too.
  const session = sessionExchangeOf(event.url);
  return {
    step,
    params,
    grantType: get('grant_type') ?? (session ? getParam(queryParams(event.url), 'grant_type') : null),
    code: get('code') ?? (session ? get(session.codeParam) : null),
    codeVerifier: get('code_verifier'),
    redirectUri: get('redirect_uri'),
    clientId: get('client_id'),
    refreshToken: get('refresh_token'),
    clientAuth: clientAuthOf(event, params),
    status: event.status ?? null,
    response: responseObject(event),
    networkError: event.error ?? null,
    matchedBy,
  };
}

/** True when the token endpoint refused: HTTP ≥ 400, an `error` member (GitHub answers 200), or no response. */
export function tokenFailed(token: TokenExchange): boolean {
  if (token.networkError) return true;
  if (token.status !== null && token.status >= 400) return true;
  return typeof token.response?.error === 'string';
}
