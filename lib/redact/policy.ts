/**
 * Which names carry secrets, correlation values or personal data (docs/trace-format.md "What is redacted" and "JWTs").
 * Names are compared case-insensitively. Everything here is data; the redactors decide how.
 */

/** What happens to a parameter / JSON member / claim value with a given name. */
export type NameClass = 'secret' | 'correlation' | 'pii-tag' | 'pii-drop' | 'keep';

/** Credentials and bearer artefacts (docs/trace-format.md "What is redacted", first row), plus a few common aliases. */
const SECRET = new Set([
  'code',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'code_verifier',
  'client_assertion',
  'assertion',
  'subject_token',
  'actor_token',
  'issued_token', // RFC 8693 §2.2.1 token-exchange response
  'device_code',
  'user_code',
  'device_secret',
  'password',
  'passwd',
  'pwd',
  'new_password',
  'otp',
  'samlresponse',
  'samlrequest',
  'logout_token',
  'id_token_hint',
  'request', // JAR request object, RFC 9101 §2
  'request_uri',
  'token', // RFC 7009 / RFC 7662 bodies
  'api_key',
  'apikey',
]);

/** Not credentials, but unique per user and session; tagged so equality checks still work. */
const CORRELATION = new Set(['state', 'nonce', 'session_state', 'sid', 'relaystate', 'code_challenge']);

/** Personal data where equality can matter (login_hint vs sub): tagged, never kept. */
const PII_TAG = new Set(['login_hint', 'username', 'login', 'user', 'user_id', 'userid', 'sub', 'email', 'upn', 'oid']);

/** Personal data with no useful equality: replaced by ⟦pii⟧. */
const PII_DROP = new Set([
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'unique_name',
  'picture',
  'profile',
  'phone_number',
  'phone',
  'address',
  'birthdate',
  'ipaddr',
  'groups',
  'roles',
  'wids',
]);

export function classifyName(name: string): NameClass {
  const n = name.toLowerCase();
  if (SECRET.has(n)) return 'secret';
  if (CORRELATION.has(n)) return 'correlation';
  if (PII_TAG.has(n)) return 'pii-tag';
  if (PII_DROP.has(n)) return 'pii-drop';
  // Names outside the spec vocabulary that still say what they hold: clientSecret, csrfToken,
  // accessToken, user_password (camelCase app configs, custom APIs).
  if (/secret|passw(?:or)?d|token$/.test(n)) return 'secret';
  return 'keep';
}

/** Headers whose whole value is a credential (docs/trace-format.md "What is redacted", headers). */
export const CREDENTIAL_HEADERS = new Set([
  'x-csrf-token',
  'x-xsrf-token',
  'x-api-key',
  'ocp-apim-subscription-key',
  'x-amz-security-token',
]);

/** `scheme credentials` headers: the scheme stays, the credential is tagged. */
export const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Headers holding a URL (absolute or relative) whose parameters are redacted like the callback's. */
export const URL_HEADERS = new Set(['location', 'referer', 'origin', 'content-location']);

/** Private members of a JWK (RFC 7518 §6.2.2, §6.3.2, §6.4.1): tagged inside any object with `kty`. */
export const JWK_PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']);

/** JWT header members kept as-is (docs/trace-format.md "JWTs"); others become ⟦removed⟧, `jwk` a thumbprint tag. */
export const JWT_HEADER_KEEP = new Set(['alg', 'typ', 'kid', 'cty', 'crit']);

/** JWT / claim-set members kept as-is (docs/trace-format.md "JWTs", kept as-is). */
export const CLAIM_KEEP = new Set([
  'iss',
  'aud',
  'azp',
  'exp',
  'iat',
  'nbf',
  'auth_time',
  'acr',
  'amr',
  'scope',
  'scp',
  'client_id',
  'token_use',
  'ver',
  'typ',
  'htm',
  'htu',
  'email_verified',
  'phone_number_verified',
  'active', // RFC 7662 §2.2 introspection
  'token_type',
  'events', // logout token event type, OIDC Back-Channel Logout §2.4
]);

/** Claims tagged for equality only (docs/trace-format.md "JWTs", tagged). `cnf` is handled member by member. */
export const CLAIM_TAG = new Set(['sub', 'oid', 'tid', 'sid', 'jti', 'nonce', 'at_hash', 'c_hash', 's_hash', 'ath', 'uti', 'rh']);

export type ClaimClass = 'keep' | 'tag' | 'cnf' | 'drop';

/** Claims not on an allowlist are dropped: an unknown claim is personal until proven otherwise. */
export function classifyClaim(name: string): ClaimClass {
  if (CLAIM_KEEP.has(name)) return 'keep';
  if (CLAIM_TAG.has(name)) return 'tag';
  if (name === 'cnf') return 'cnf';
  return 'drop';
}

/** Replacement for personal data that carries no equality. */
export const PII = '⟦pii⟧';
/** Replacement for removed material (JWT signatures, unknown JWT header members, too-deep JSON). */
export const REMOVED = '⟦removed⟧';
