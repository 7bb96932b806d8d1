import { decodeJwt } from 'jose';
import type { Param, RequestEvent } from '../model/event';
import type { AuthorizeRequest } from '../model/flow';
import { bodyParams, getParam, queryParams, responseObject, stringField } from './params';
import { brokerHop } from '../providers/match';

/**
 * The default response mode for a response type: `code` → query, anything that issues tokens
 * from the authorization endpoint → fragment (OAuth 2.0 Multiple Response Type Encoding §2.1, §5).
 */
export function defaultResponseMode(responseType: string | null): string {
  if (!responseType) return 'query';
  const parts = responseType.split(' ');
  return parts.includes('token') || parts.includes('id_token') ? 'fragment' : 'query';
}

/** Claims of a JAR request object as parameters (RFC 9101 §4); decoding only, never trusted. */
function requestObjectParams(jwt: string): Param[] {
  try {
    const claims = decodeJwt(jwt);
    return Object.entries(claims)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([name, value]) => ({ name, value: String(value) }));
  } catch {
    return [];
  }
}

/** The PAR response's `request_uri` (RFC 9126 §2.2), when the body was captured. */
export function parRequestUri(par: RequestEvent): string | null {
  return stringField(responseObject(par), 'request_uri');
}

function brokerRedirect(url: string, query: Param[]): string | null {
  const name = brokerHop(url, query)?.broker.redirectParam;
  return name ? getParam(query, name) : null;
}

/**
 * Merge the parameters a server will act on: the query, then values pushed by PAR or carried in
 * a request object (RFC 9126 §4, RFC 9101 §6.3 — those take precedence over the query).
 */
export function buildAuthorizeRequest(step: number, event: RequestEvent, par: RequestEvent | null): AuthorizeRequest {
  const query = queryParams(event.url);
  const requestJwt = getParam(query, 'request');
  const pushed = par ? bodyParams(par) : [];
  const fromObject = requestJwt ? requestObjectParams(requestJwt) : [];
  const overriding = [...pushed, ...fromObject];
  const params = [...overriding, ...query.filter((q) => !overriding.some((o) => o.name === q.name))];
  const get = (name: string) => getParam(params, name);
  const responseType = get('response_type');
  const responseMode = get('response_mode');
  return {
    step,
    params: query,
    clientId: get('client_id'),
    // A broker hop may name its return address otherwise (Supabase redirect_to).
    redirectUri: get('redirect_uri') ?? brokerRedirect(event.url, query),
    state: get('state'),
    nonce: get('nonce'),
    codeChallenge: get('code_challenge'),
    codeChallengeMethod: get('code_challenge_method'),
    responseType,
    responseMode,
    effectiveResponseMode: responseMode ?? defaultResponseMode(responseType),
    scope: get('scope'),
    prompt: get('prompt'),
    maxAge: get('max_age'),
    requestUri: getParam(query, 'request_uri'),
    request: requestJwt,
    viaPar: par !== null,
    opaque: getParam(query, 'request_uri') !== null && par === null && fromObject.length === 0,
  };
}
