import type { WebRequestBody } from './details';
import { matchesProviderPattern } from '../providers/match';

/**
 * The capture prefilter: a cheap "could this belong to an OAuth/OIDC flow?" on the hot path of
 * every webRequest event. It never classifies (lib/flow does that on the kept events); it only
 * says why a request is worth keeping. Most traffic leaves at the first or second test: resource
 * types that never carry protocol messages, then a URL without a query and without a suspicious
 * path.
 */
export type Shape =
  | 'authorize' // client_id + response_type|request|request_uri (RFC 6749 §4.1.1, RFC 9101, RFC 9126)
  | 'callback' // code|error|id_token|access_token with state or iss (RFC 6749 §4.1.2, RFC 9207)
  | 'token' // grant_type (RFC 6749 §4.1.3, §6)
  | 'metadata' // discovery / JWKS (OIDC-Disc §4, RFC 8414 §3)
  | 'endpoint' // userinfo, end-session, revocation, introspection, device, PAR, known provider URLs
  | 'credential' // Authorization: Bearer/DPoP (decided on headers, see headers.ts)
  | 'saml'; // SAML hops of a brokered login (docs/architecture.md "Correlating flows" step 6)

/** Subresources that never carry an OAuth request or response: dropped before anything else. */
export const IGNORED_RESOURCE_TYPES: readonly string[] = ['image', 'imageset', 'stylesheet', 'font', 'media', 'script', 'beacon', 'ping', 'csp_report', 'websocket', 'speculative'];
const NEVER = new Set(IGNORED_RESOURCE_TYPES);

export function isIgnoredType(type: string): boolean {
  return NEVER.has(type);
}

/** Names worth parsing a query/fragment/body for; the regex runs before any URLSearchParams. */
const INTERESTING = /(?:^|[&?#;])(?:client_id|response_type|code|error|id_token|access_token|state|iss|grant_type|request_uri|request|post_logout_redirect_uri|id_token_hint|SAMLRequest|SAMLResponse|token)=/;

/** Path shapes of well-known documents and generic endpoint names (the endpoint names every provider uses; lib/providers/profiles.ts has the per-provider shapes). */
const PATH =
  /\/\.well-known\/(?:openid-configuration|oauth-authorization-server|jwks\.json)|\/(?:jwks(?:\.json)?|certs|userinfo|end_?session|endsession|logout|revoke|revocation|introspect(?:ion)?|par|device(?:_authorization|\/code|code)?|token)(?:\/?$)/i;

/** Decide from the parameter names of one query, fragment or form body. */
export function shapeOfParams(names: ReadonlySet<string>): Shape | null {
  if (names.has('client_id') && (names.has('response_type') || names.has('request') || names.has('request_uri'))) return 'authorize';
  if (names.has('grant_type')) return 'token';
  const response = names.has('code') || names.has('error') || names.has('id_token') || names.has('access_token');
  if (response && (names.has('state') || names.has('iss'))) return 'callback';
  if (names.has('SAMLRequest') || names.has('SAMLResponse')) return 'saml';
  if (names.has('post_logout_redirect_uri') || names.has('id_token_hint')) return 'endpoint';
  return null;
}

function namesOf(encoded: string): Set<string> {
  const names = new Set<string>();
  for (const [name] of new URLSearchParams(encoded)) names.add(name);
  return names;
}

/** Shape of an URL-encoded parameter string (query without `?`, fragment without `#`). */
export function shapeOfEncoded(encoded: string): Shape | null {
  if (!encoded || !INTERESTING.test(encoded)) return null;
  return shapeOfParams(namesOf(encoded));
}

/** Shape of a URL on its own: query, fragment, path, provider patterns. */
export function shapeOfUrl(url: string): Shape | null {
  if (!url.startsWith('http')) return null; // data:, blob:, chrome-extension:, about:
  const hash = url.indexOf('#');
  const end = hash < 0 ? url.length : hash;
  const q = url.indexOf('?');
  const query = q >= 0 && q < end ? url.slice(q + 1, end) : '';
  const fromQuery = shapeOfEncoded(query);
  if (fromQuery) return fromQuery;
  if (hash >= 0) {
    const fromFragment = shapeOfEncoded(url.slice(hash + 1));
    if (fromFragment) return fromFragment;
  }
  const pathEnd = q >= 0 && q < end ? q : end;
  const schemeEnd = url.indexOf('//') + 2;
  const path = url.slice(url.indexOf('/', schemeEnd) >>> 0, pathEnd);
  if (PATH.test(path)) return path.includes('.well-known') || /jwks|certs/i.test(path) ? 'metadata' : 'endpoint';
  // One combined regex over scheme+host+path (+ the `?`/`#` the patterns anchor on).
  if (matchesProviderPattern(url.slice(0, Math.min(url.length, pathEnd + 1)))) return 'endpoint';
  return null;
}

const RAW_PEEK_BYTES = 4096;
const peekDecoder = new TextDecoder('utf-8', { fatal: false });

/** Shape of a POST body: form fields, or the first bytes of a raw (JSON or urlencoded) body. */
export function shapeOfBody(body: WebRequestBody | null | undefined): Shape | null {
  if (!body) return null;
  if (body.formData) return shapeOfParams(new Set(Object.keys(body.formData)));
  const first = body.raw?.[0]?.bytes;
  if (!first) return null;
  const view = ArrayBuffer.isView(first) ? new Uint8Array(first.buffer, first.byteOffset, first.byteLength) : new Uint8Array(first);
  return shapeOfBodyText(peekDecoder.decode(view.subarray(0, RAW_PEEK_BYTES)));
}

/** Shape of the start of a raw body already read as text (JSON or urlencoded). */
export function shapeOfBodyText(text: string): Shape | null {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    // JSON token requests (some SDKs): look for quoted member names only.
    const names = new Set<string>();
    for (const m of trimmed.matchAll(/"([A-Za-z_]+)"\s*:/g)) names.add(m[1]!);
    return shapeOfParams(names);
  }
  return shapeOfEncoded(text);
}

/** Everything the prefilter can decide at onBeforeRequest. Headers are judged later. */
export function shapeOfRequest(url: string, method: string, body?: WebRequestBody | null): Shape | null {
  if (method === 'POST' && body) {
    const fromBody = shapeOfBody(body);
    if (fromBody) return fromBody;
  }
  return shapeOfUrl(url);
}
