import { describe, expect, it } from 'vitest';
import { redactJson } from '../../lib/redact/body';
import { redactHeader } from '../../lib/redact/headers';
import { classifyName, isCredentialHeader } from '../../lib/redact/policy';
import { redactPairs } from '../../lib/redact/url';
import { run, TAG } from './support';

/**
 * Header names seen in real traffic, by what their value is. HTTP/2 and HTTP/3 lowercase every
 * name, so each is also tried lowercased; the run-together spellings are what apps send when they
 * name a header `accessAuth` and the browser hands it over as `accessauth`.
 */
const CREDENTIAL_HEADERS: readonly [string, string][] = [
  ['X-Auth-Token', 'OpenStack Keystone, many APIs'],
  ['xauthtoken', 'X-AuthToken over HTTP/2'],
  ['X-Auth-Key', 'Cloudflare legacy API key'],
  ['X-Access-Token', 'common'],
  ['X-API-Key', 'common'],
  ['apikey', 'Kong key-auth default header'],
  ['x-apikey', 'run together after a prefix'],
  ['x-goog-api-key', 'Google Cloud'],
  ['Ocp-Apim-Subscription-Key', 'Azure API Management'],
  ['x-functions-key', 'Azure Functions'],
  ['X-Amz-Security-Token', 'AWS STS session token'],
  ['X-CSRF-Token', 'Rails'],
  ['X-XSRF-TOKEN', 'Angular'],
  ['X-CSRFToken', 'Django'],
  ['X-GitHub-OTP', 'GitHub two-factor code'],
  ['Cf-Access-Jwt-Assertion', 'Cloudflare Access'],
  ['CF-Access-Client-Secret', 'Cloudflare Access service token'],
  ['X-Goog-IAP-JWT-Assertion', 'Google IAP'],
  ['X-Amzn-Oidc-Accesstoken', 'AWS ALB OIDC'],
  ['X-MS-TOKEN-AAD-ID-TOKEN', 'Azure App Service auth'],
  ['X-Forwarded-Access-Token', 'oauth2-proxy'],
  ['X-Auth-Request-Access-Token', 'oauth2-proxy'],
  ['X-Vault-Token', 'HashiCorp Vault'],
  ['PRIVATE-TOKEN', 'GitLab'],
  ['X-Shopify-Access-Token', 'Shopify'],
  ['X-Session-Id', 'common'],
  ['sessionid', 'run together'],
  ['accessAuth', 'camelCase, HTTP/1.1'],
  ['accessauth', 'the same name over HTTP/2'],
  ['usersession', 'run together'],
  ['x-usersession', 'run together after a prefix'],
  ['authtoken', 'run together'],
  ['X-JWT-Assertion', 'WSO2 API Manager'],
  // Decided: a session-affinity value names a backend, not a user, but balancers that route by
  // session put the session id in it. Tagging keeps equality and costs no debugging.
  ['X-Session-Affinity', 'load balancers'],
  // Decided: camelCase reads auth + user, so the lowercase spelling must agree. The value is
  // Google's index of the signed-in account ("0"); tagging it hides nothing worth seeing.
  ['X-Goog-AuthUser', 'Google'],
];

const KEPT_HEADERS: readonly [string, string][] = [
  [':authority', 'HTTP/2 pseudo-header (the host)'],
  [':method', 'HTTP/2 pseudo-header'],
  [':path', 'HTTP/2 pseudo-header'],
  ['Host', 'standard'],
  ['Accept', 'standard'],
  ['Accept-Encoding', 'standard'],
  ['Accept-Language', 'standard'],
  ['Content-Type', 'standard'],
  ['Content-Length', 'standard'],
  ['Content-Security-Policy', 'standard'],
  ['Cache-Control', 'standard'],
  ['Keep-Alive', 'standard'],
  ['Connection', 'standard'],
  ['Pragma', 'standard'],
  ['Expires', 'standard'],
  ['ETag', 'standard'],
  ['Vary', 'standard, value may list Authorization'],
  ['User-Agent', 'standard'],
  ['Upgrade-Insecure-Requests', 'standard'],
  ['Priority', 'RFC 9218'],
  ['Sec-Fetch-Site', 'Fetch metadata'],
  ['Sec-Fetch-Mode', 'Fetch metadata'],
  ['Sec-Fetch-Dest', 'Fetch metadata'],
  ['Sec-Fetch-User', 'Fetch metadata'],
  ['Sec-CH-UA', 'client hints'],
  ['Access-Control-Allow-Credentials', 'CORS policy, value `true`'],
  ['Access-Control-Allow-Headers', 'CORS policy, value lists header names'],
  ['WWW-Authenticate', 'a challenge, not a credential'],
  ['Strict-Transport-Security', 'standard'],
  ['X-Content-Type-Options', 'common'],
  ['X-Frame-Options', 'common'],
  ['X-Request-ID', 'tracing'],
  ['X-Correlation-ID', 'tracing'],
  ['traceparent', 'W3C trace context'],
  ['X-Amzn-Trace-Id', 'AWS'],
  ['X-Amz-Cf-Id', 'CloudFront'],
  ['CF-Ray', 'Cloudflare'],
  ['CF-Cache-Status', 'Cloudflare'],
  ['X-Forwarded-For', 'proxies'],
  ['X-OAuth-Scopes', 'GitHub: the token’s scopes'],
  ['X-Accepted-OAuth-Scopes', 'GitHub'],
  ['Auth0-Client', 'Auth0 SDK name and version'],
  ['X-RateLimit-Remaining', 'GitHub, many APIs'],
  ['Key-Id', 'names a key, is none'],
  ['Authorization-Url', 'a URL, not a credential'],
  ['author', 'meta name, not a credential'],
];

/** Form fields and JSON keys, where the same rule decides (classifyName). */
const CREDENTIAL_NAMES = [
  'accessToken',
  'access_token',
  'accesstoken',
  'csrfmiddlewaretoken', // Django forms
  'authenticity_token', // Rails forms
  '__RequestVerificationToken', // ASP.NET forms
  '_csrf', // Spring Security forms
  'clientsecret',
  'client_secret',
  'userpassword',
  'password_confirmation',
  'passwordConfirmation',
  'password2',
  'pincode',
  'authcode',
  'sessiondata',
  'sessionKey',
  'apikey',
  'api_key',
  'key', // Google API keys in the query
  'JSESSIONID',
  'PHPSESSID',
  'basicauth',
  'userpin',
  'passkey',
  'idempotencykey',
  'authuser',
  'oauthToken',
  'oauth_token', // OAuth 1.0a
];

const KEPT_NAMES = [
  'author',
  'authority',
  'authorization_details', // RFC 9396
  'authorization_endpoint',
  'oauth',
  'oauth2',
  'token_type',
  'tokentype',
  'tokentypehint',
  'token_endpoint_auth_method',
  'revocation_endpoint_auth_methods_supported',
  'tokenendpoint',
  'expires_in',
  'client_secret_expires_at',
  'clientsecretexpiresat',
  'check_session_iframe',
  'end_session_endpoint',
  'backchannel_logout_session_supported',
  'keys', // a JWKS
  'kid',
  'keyid',
  'key_ops',
  'keyops',
  'keyboard',
  'tokenizer',
  'spin',
  'spinner',
  'hairpin',
  'monkey',
  'hotkey',
  'possession',
  'redirect_uri',
  'response_type',
  // Known limit: run together, only the word's ends are read, so `sessionaffinity` stays while
  // `session-affinity` (two words) is tagged. No real provider sends this spelling.
  'sessionaffinity',
];

const spellings = (name: string) => [...new Set([name, name.toLowerCase()])];

describe('credential names by rule (issue 12): camelCase, kebab, snake and run-together lowercase', () => {
  it.each(CREDENTIAL_HEADERS.flatMap(([name, why]) => spellings(name).map((n) => [n, why] as const)))('header %s (%s) is a credential', async (name) => {
    expect(isCredentialHeader(name)).toBe(true);
    const value = 'planted-Zm9vYmFy-value';
    const { out, fields } = await run((ctx) => redactHeader(name, value, ctx));
    expect(out).toMatch(new RegExp(`^${TAG.source}$`));
    expect(out).not.toContain('Zm9vYmFy');
    expect(fields).toContain(`header:${name.toLowerCase()}`);
  });

  it.each(KEPT_HEADERS.flatMap(([name, why]) => spellings(name).map((n) => [n, why] as const)))('header %s (%s) is kept', async (name) => {
    expect(isCredentialHeader(name)).toBe(false);
    const value = 'gzip, max-age=3600, 1.2.3';
    expect((await run((ctx) => redactHeader(name, value, ctx))).out).toBe(value);
  });

  it.each(CREDENTIAL_NAMES)('form field / JSON key %s is a credential', async (name) => {
    expect(classifyName(name)).toBe('secret');
    const value = 'planted-Zm9vYmFy-value';
    const { out } = await run((ctx) => [redactPairs(`${encodeURIComponent(name)}=${value}`, ctx, 'form'), JSON.stringify(redactJson({ [name]: value }, ctx))]);
    for (const text of out) expect(text).not.toContain('Zm9vYmFy');
  });

  it.each(KEPT_NAMES)('form field / JSON key %s is kept', async (name) => {
    expect(classifyName(name)).toBe('keep');
    const value = 'plain-value-42';
    const { out } = await run((ctx) => [redactPairs(`${name}=${value}`, ctx, 'form'), redactJson({ [name]: value }, ctx)]);
    expect(out[0]).toBe(`${name}=${value}`);
    expect(out[1]).toEqual({ [name]: value });
  });
});
