import type { RequestEvent } from '../model/event';
import type { StepKind } from '../model/flow';
import { bodyParams, fragmentParams, hasParam, headerValue, parseForm, responseObject, safeUrl } from './params';
import { bodyUnknown, kindByEndpointName, USERINFO_PATH } from './page-only';
import { brokerHop, providerRole, type EndpointRole } from '../providers/match';

/** Endpoints learned from captured discovery documents, keyed by URL base (scheme+host+path). */
export type KnownEndpoints = ReadonlyMap<string, StepKind>;

/** What a request looks like on its own. Correlation decides whether a callback candidate is one. */
export type Classification = StepKind | 'callback-candidate' | null;

const ROLE_TO_KIND: Record<EndpointRole, StepKind> = {
  authorize: 'authorize',
  token: 'token',
  discovery: 'discovery',
  jwks: 'jwks',
  userinfo: 'userinfo',
  end_session: 'logout',
  revocation: 'revocation',
  device_authorization: 'device-authorization',
};

/** Response parameters of an authorization response (RFC 6749 §4.1.2, §4.2.2; OIDC-Core §3.3.2.5). */
export const RESPONSE_PARAMS = ['code', 'error', 'id_token', 'access_token'] as const;

const DOCUMENT_TYPES = new Set(['main_frame', 'sub_frame', 'document', 'other']);

export function isDocument(event: RequestEvent): boolean {
  return isDocumentType(event.type);
}

/**
 * A CORS preflight (Fetch §4.8): the browser's OPTIONS before a cross-origin request. It carries
 * none of the request's parameters and is not a step of any flow; token-endpoint-cors-blocked
 * reads it from the events.
 */
export function isCorsPreflight(event: RequestEvent): boolean {
  return event.method.toUpperCase() === 'OPTIONS';
}

export function isDocumentType(type: string): boolean {
  return DOCUMENT_TYPES.has(type);
}

/**
 * Label one request hop (docs/architecture.md "Classifying hops"). Parameters decide first; provider URL shapes and
 * discovery-learned endpoints fill in where parameters are absent. `fullUrl` is the URL with a
 * fragment recovered from a redirect's Location or the committed navigation.
 */
export function classifyRequest(event: RequestEvent, fullUrl: string, known: KnownEndpoints): Classification {
  const u = safeUrl(event.url);
  if (!u || !/^https?:$/.test(u.protocol) || isCorsPreflight(event)) return null;
  // One parse serves base, query and path: this runs on every request of a capture (bench/analyze.ts).
  // The base is only looked up when a discovery document taught some endpoint.
  const learned = known.size === 0 ? undefined : known.get(`${u.protocol}//${u.host}${u.pathname}`);
  const query = parseForm(u.search.slice(1));
  const isPost = event.method.toUpperCase() === 'POST';
  // Parsing bodies is the costly part on big HARs: only bodies that can hold OAuth names are parsed.
  const body = isPost && mayHoldOAuthParams(event) ? bodyParams(event) : [];

  if (/\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(?:\/|$)/.test(u.pathname)) return 'discovery';

  if (learned === 'token' && !hasParam(body, 'grant_type') && !isPost) return 'token';
  if (hasParam(body, 'grant_type') || hasParam(query, 'grant_type')) return 'token';
  if (learned && learned !== 'authorize') return learned;

  if (isPost && hasParam(body, 'token') && /revoke|revocation/i.test(u.pathname)) return 'revocation';
  if (isPost && hasParam(body, 'token') && /introspect/i.test(u.pathname)) return 'introspection';
  if (isPost && hasParam(body, 'client_id') && isParShaped(event, body)) return 'par';

  if (hasParam(query, 'client_id') && ['response_type', 'request', 'request_uri'].some((n) => hasParam(query, n))) {
    return 'authorize';
  }
  if (learned === 'authorize') return 'authorize';
  // A broker's hop (Supabase provider=&redirect_to=, Auth0 connection=, Cognito identity_provider=)
  // starts the login even without client_id / response_type (issue 17 point 7).
  if (!isPost && brokerHop(event.url, query)) return 'authorize';

  // An authorization response arrives as a navigation (redirect or form_post), never as a script's
  // fetch: an SPA posting tokens to its own backend is not a callback (FormPost §2, RFC 6749 §4.1.2).
  if (isDocument(event) && hasResponseParams(query, fullUrl, body)) return 'callback-candidate';

  const role = providerRole(event.url);
  // A form POSTed back to an authorize-shaped URL without the request's parameters is the
  // provider's own consent page (GitHub's "Authorize" button), not a new authorization request.
  const consentPost = role === 'authorize' && isPost && !(hasParam(body, 'client_id') && ['response_type', 'request', 'request_uri'].some((n) => hasParam(body, n)));
  if (role && !consentPost) return ROLE_TO_KIND[role];
  // A fetch whose body is unknown (seen by the page only, or its start lost): its endpoint's name tells (page-only.ts).
  if (bodyUnknown(event) && !isDocument(event)) {
    const kind = kindByEndpointName(u.pathname);
    if (kind) return kind;
  }

  if (hasParam(query, 'post_logout_redirect_uri') || hasParam(query, 'id_token_hint')) return 'logout';
  if (isPost && hasParam(body, 'client_id') && /device/i.test(u.pathname)) return 'device-authorization';

  const auth = headerValue(event.requestHeaders, 'authorization') ?? '';
  if (/^(?:bearer|dpop)\s/i.test(auth)) return USERINFO_PATH.test(u.pathname) ? 'userinfo' : 'resource';
  if (hasParam(query, 'access_token')) return 'resource';

  const text = event.responseBody?.text;
  // Only a body that starts as a JSON object can be a JWKS: scripts and images are not scanned.
  if (text && JSON_OBJECT_START.test(text) && text.includes('"keys"') && text.includes('"kty"')) {
    const json = responseObject(event);
    if (json && Array.isArray(json.keys)) return 'jwks';
  }
  return null;
}

/** JSON whitespace (RFC 8259 §2) then `{`: what JSON.parse needs to return an object. */
const JSON_OBJECT_START = /^[\t\n\r ]*\{/;

const OAUTH_BODY_NAMES = /grant_type|client_id|response_type|redirect_uri|[^_]token|code|SAMLResponse|state/;

function mayHoldOAuthParams(event: RequestEvent): boolean {
  const body = event.requestBody;
  if (!body) return false;
  if (body.kind === 'form') return true;
  return OAUTH_BODY_NAMES.test(body.text.slice(0, 4096));
}

function isParShaped(event: RequestEvent, body: ReturnType<typeof bodyParams>): boolean {
  if (/\/par(?:$|\/)|pushed|\/request$/i.test(safeUrl(event.url)?.pathname ?? '')) return true;
  const json = responseObject(event);
  return event.status === 201 && typeof json?.request_uri === 'string' && hasParam(body, 'redirect_uri');
}

function hasResponseParams(query: ReturnType<typeof parseForm>, fullUrl: string, body: ReturnType<typeof bodyParams>): boolean {
  const sets = [query, fragmentParams(fullUrl), body];
  return sets.some((params) => RESPONSE_PARAMS.some((name) => hasParam(params, name)));
}
