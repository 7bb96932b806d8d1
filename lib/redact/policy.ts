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

/**
 * Words that make a name a credential wherever they appear in it, in any spelling: `accessToken`,
 * `X-Auth-Token`, `api_key`, `sessionId`, `user-password`, `pinCode` (issue 12: by rule, not by
 * list). Matched against the name's words, so `keys` (a JWKS) and `spinner` are not `key` / `pin`.
 */
const CREDENTIAL_WORDS = new Set([
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'passwords',
  'passwd',
  'pwd',
  'passphrase',
  'passcode',
  'key',
  'session',
  'auth',
  'credential',
  'credentials',
  'cookie',
  'cookies',
  'csrf',
  'xsrf',
  'otp',
  'totp',
  'pin',
  'ssn',
  'jwt',
  'bearer',
  'assertion',
]);

/**
 * Words that make a name metadata about a credential, not the credential: `token_type`,
 * `code_challenge_method`, `token_endpoint`, `expires_in`, `check_session_iframe`,
 * `client_secret_expires_at`, `id_token_signing_alg_values_supported`, `key_ops`.
 */
const METADATA_WORDS = new Set([
  'type',
  'types',
  'method',
  'methods',
  'endpoint',
  'endpoints',
  'supported',
  'required',
  'uri',
  'uris',
  'url',
  'iframe',
  'expires',
  'expiry',
  'exp',
  'expiration',
  'lifetime',
  'ttl',
  'alg',
  'algs',
  'enc',
  'values',
  'length',
  'format',
  'mode',
  'name',
  'ops',
]);

/** Names the word rule would get wrong: `kid` / `key_id` name a key, they are not one. */
const BY_NAME: Record<string, NameClass> = { kid: 'keep', key_id: 'keep', keyid: 'keep' };

/** `accessToken`, `X-Auth-Token`, `client.secret` → `access_token`, `x_auth_token`, `client_secret`. */
export function snakeName(name: string): string {
  return name
    .replace(/OAuth/g, 'Oauth') // one word: `X-OAuth-Scopes` is not x, o, auth, scopes
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** Names repeat (every `href=` of a page): answers are remembered, up to a bound. */
const classified = new Map<string, NameClass>();

export function classifyName(name: string): NameClass {
  let cls = classified.get(name);
  if (cls === undefined) {
    cls = classifyNameUncached(name);
    if (classified.size >= 10_000) classified.clear();
    classified.set(name, cls);
  }
  return cls;
}

function classifyNameUncached(name: string): NameClass {
  if (name.length > 128) return 'keep';
  const n = name.toLowerCase();
  const snake = snakeName(name);
  for (const form of [n, snake]) {
    if (Object.hasOwn(BY_NAME, form)) return BY_NAME[form]!;
    if (SECRET.has(form)) return 'secret';
    if (CORRELATION.has(form)) return 'correlation';
    if (PII_TAG.has(form)) return 'pii-tag';
    if (PII_DROP.has(form)) return 'pii-drop';
  }
  const words = snake.split('_');
  if (words.some((w) => METADATA_WORDS.has(w) || isRunTogetherMetadata(w))) return 'keep';
  if (words.some((w) => CREDENTIAL_WORDS.has(w) || isRunTogetherCredential(w))) return 'secret';
  return 'keep';
}

/*
 * Words run together with no separator and no capitals: HTTP/2 and HTTP/3 send every header name in
 * lowercase, so an app's `accessAuth` or `X-AuthToken` arrives as `accessauth` / `x-authtoken`, and
 * form fields and JSON keys are often written so (`csrfmiddlewaretoken`, `clientsecret`, `apikey`).
 * Without a dictionary the word cannot be split, so the rule reads it from its ends: it holds a
 * credential when it ends with a credential word (`usersession`, `xauthtoken`), is a credential word
 * followed by what holds it (`sessionid`, `authcode`, `pincode`), or contains a word that never means
 * anything else (`secret`, `password`, `apikey`, `csrf`). It does not look for credential words in the
 * middle or at the start of others: `author`, `:authority`, `authorization_details`, `keyboard`,
 * `spinner`, `tokenizer` stay. test/redact/name-rule.test.ts has the table of real names.
 */

/** Credential words that no other word contains: anywhere in a run-together word. */
const CREDENTIAL_ANYWHERE = /secret|passw(?:or)?d|passphrase|passcode|credential|apikey|sess(?:ion)?id|csrf|xsrf/;
/** Credential words that end a run-together word: `usersession`, `accessauth`, `xapitoken`, `subscriptionkey`. */
const CREDENTIAL_END = /(?:tokens?|secrets?|key|session|auth|cookies?|pin|ssn|otp|jwt|bearer|assertion|pwd)$/;
/** English words and names those endings would catch: `oauth`, `possession`, `spin`, `hairpin`, `monkey`, `hotkey`. */
const NOT_CREDENTIAL_END = /oauth$|(?:ob|pos)session$|(?:^s|hair|linch|lynch|king|ten|tie|terra|push)pin$|(?:mon|tur|hoc|joc|don|whis|lac|flun|malar|hot)key$/;
/** A credential word followed by what carries it: `sessionid`, `authcode`, `pincode`, `authheader`, `authuser`. */
const CREDENTIAL_HOLDER = /^(?:auth|session|token|pin|otp|jwt|bearer|cookie)(?:id|key|code|hash|value|data|header|string|user)$/;

function isRunTogetherCredential(word: string): boolean {
  if (CREDENTIAL_ANYWHERE.test(word) || CREDENTIAL_HOLDER.test(word)) return true;
  return CREDENTIAL_END.test(word) && !NOT_CREDENTIAL_END.test(word);
}

/** Metadata words long enough to be found inside another word: `tokentypehint`, `clientsecretexpiresat`. */
const METADATA_ANYWHERE = /types?|methods?|endpoints?|supported|required|expir(?:es|y|ation)|lifetime|format|length|iframe|values/;

/** `tokentype`, `tokenendpoint`, `clientsecretexpiresat`, `keyops`: metadata about a credential, run together. */
function isRunTogetherMetadata(word: string): boolean {
  if (METADATA_ANYWHERE.test(word)) return true;
  for (const m of METADATA_WORDS) if (word.length > m.length && word.endsWith(m)) return true;
  return false;
}

/**
 * Headers whose whole value is a credential: every name `classifyName` calls secret
 * (`X-Auth-Token`, `X-Access-Token`, `X-Api-Key`, `Ocp-Apim-Subscription-Key`, `X-CSRF-Token`,
 * `X-Amz-Security-Token`), except families whose names mention credentials but whose values are
 * policy or challenges (`Access-Control-Allow-Credentials: true`, `WWW-Authenticate`).
 */
export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (/^(?:access-control-|sec-fetch-|www-authenticate$|proxy-authenticate$|authentication-info$|vary$)/.test(n)) return false;
  // The name as given, not lowercased: camelCase word boundaries (`accessAuth`) are part of the rule.
  return classifyName(name) === 'secret';
}

/** `scheme credentials` headers: the scheme stays, the credential is tagged. */
export const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Headers holding a URL (absolute or relative) whose parameters are redacted like the callback's. */
export const URL_HEADERS = new Set(['location', 'referer', 'origin', 'content-location']);

/** Private members of a JWK (RFC 7518 §6.2.2, §6.3.2, §6.4.1): tagged inside any object with `kty`. */
export const JWK_PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']);

/** Public members of a JWK (RFC 7517 §4, RFC 7518 §6.2.1, §6.3.1): kept inside any object with `kty`. */
export const JWK_PUBLIC_MEMBERS = new Set(['kty', 'use', 'key_ops', 'alg', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crv', 'x', 'y', 'n', 'e']);

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

/**
 * The most characters of one value (a URL, a header, a body) the redactors read. A longer value is
 * tagged whole, unread: every redactor is linear, and this bounds the constant too (issue 12).
 */
export const MAX_VALUE_CHARS = 4 * 1024 * 1024;

/** Replacement for personal data that carries no equality. */
export const PII = '⟦pii⟧';
/** Replacement for removed material (JWT signatures, unknown JWT header members, too-deep JSON). */
export const REMOVED = '⟦removed⟧';
