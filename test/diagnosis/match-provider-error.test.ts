import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lib/checks/index';
import { describeProviderError, matchProviderError, providerErrorPointsTo } from '../../lib/diagnosis/match-provider-error';
import { PROVIDER_ERROR_CODES } from '../../lib/diagnosis/provider-error-codes';
import { PROVIDER_PROFILES } from '../../lib/providers/profiles';

const checkIds = new Set(CHECKS.map((c) => c.id));

const ENTRA = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize';
const ENTRA_TOKEN = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';

/** Realistic texts as providers show them: [text, url, provider, expected check ids]. */
const CASES: ReadonlyArray<readonly [string, string | undefined, string, readonly string[]]> = [
  ["AADSTS50011: The redirect URI 'https://app.example.com/cb' specified in the request does not match the redirect URIs configured for the application 'a1b2'. Trace ID: 7f3 Correlation ID: 9d1 Timestamp: 2025-01-01 10:00:00Z", ENTRA, 'Microsoft Entra', ['redirect-uri-not-registered-hint']],
  ['AADSTS500113: No reply address is registered for the application.', ENTRA, 'Microsoft Entra', ['redirect-uri-not-registered-hint']],
  ["AADSTS700054: response_type 'id_token' is not enabled for the application.", ENTRA, 'Microsoft Entra', ['error-response-unsupported-response-type', 'implicit-flow-used']],
  ['AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.', ENTRA_TOKEN, 'Microsoft Entra', ['pkce-verifier-mismatch']],
  ["AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.", ENTRA_TOKEN, 'Microsoft Entra', ['token-endpoint-cors-blocked']],
  ['AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.', ENTRA_TOKEN, 'Microsoft Entra', ['code-reused']],
  ["AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", ENTRA_TOKEN, 'Microsoft Entra', ['error-response-invalid-client']],
  ['AADSTS65004: User declined to consent to access the app.', ENTRA, 'Microsoft Entra', ['error-response-access-denied']],
  ['AADSTS50058: A silent sign-in request was sent but no user is signed in.', ENTRA, 'Microsoft Entra', ['error-response-login-required']],
  ['AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.', ENTRA_TOKEN, 'Microsoft Entra', ['error-response-device-flow']],
  ['AADB2C90118: The user has forgotten their password.', 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/authorize', 'Azure AD B2C', ['error-response-access-denied']],
  ["The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: https://dev-123.okta.com/admin/app/oidc_client/instance/0oa1#tab-general", 'https://dev-123.okta.com/oauth2/default/v1/authorize', 'Okta', ['redirect-uri-not-registered-hint']],
  ['invalid_grant: The authorization code is invalid or has expired.', 'https://dev-123.okta.com/oauth2/default/v1/token', 'Okta', ['code-reused', 'code-exchanged-late']],
  ['invalid_grant: PKCE verification failed.', 'https://dev-123.okta.com/oauth2/default/v1/token', 'Okta', ['pkce-verifier-mismatch']],
  ['E0000011: Invalid token provided', 'https://dev-123.okta.com/api/v1/users/me', 'Okta', ['error-response-invalid-token']],
  ['E0000047: API call exceeded rate limit due to too many requests.', 'https://dev-123.okta.com/api/v1/authn', 'Okta', ['error-response-temporarily-unavailable']],
  ['Callback URL mismatch. https://app.example.com/callback is not in the list of allowed callback URLs', 'https://tenant.auth0.com/authorize', 'Auth0', ['redirect-uri-not-registered-hint']],
  ['invalid_grant: Failed to verify code verifier', 'https://tenant.auth0.com/oauth/token', 'Auth0', ['pkce-verifier-mismatch']],
  ["unauthorized_client: Grant type 'authorization_code' not allowed for the client.", 'https://tenant.auth0.com/oauth/token', 'Auth0', ['error-response-unauthorized-client']],
  ['login_required: Login required', 'https://tenant.auth0.com/authorize', 'Auth0', ['error-response-login-required']],
  ['consent_required: Consent required', 'https://tenant.auth0.com/authorize', 'Auth0', ['error-response-consent-required']],
  ['Access blocked: This app’s request is invalid. Error 400: redirect_uri_mismatch', 'https://accounts.google.com/signin/oauth/error?authError=x', 'Google', ['redirect-uri-not-registered-hint']],
  ['invalid_grant: Missing code verifier.', 'https://oauth2.googleapis.com/token', 'Google', ['pkce-verifier-missing']],
  ['Error 403: org_internal', 'https://accounts.google.com/signin/oauth/error', 'Google', ['error-response-access-denied']],
  ['We are sorry... Invalid parameter: redirect_uri', 'https://sso.example.com/realms/acme/protocol/openid-connect/auth', 'Keycloak', ['redirect-uri-not-registered-hint']],
  ['invalid_grant: PKCE verification failed: Invalid code verifier', 'https://sso.example.com/realms/acme/protocol/openid-connect/token', 'Keycloak', ['pkce-verifier-malformed']],
  ['invalid_grant: Code not valid', 'https://sso.example.com/realms/acme/protocol/openid-connect/token', 'Keycloak', ['code-reused', 'code-exchanged-late']],
  ['invalid_request: Missing parameter: code_challenge_method', 'https://sso.example.com/realms/acme/protocol/openid-connect/auth', 'Keycloak', ['pkce-missing']],
  ['bad_verification_code: The code passed is incorrect or expired.', 'https://github.com/login/oauth/access_token', 'GitHub', ['code-reused', 'code-exchanged-late']],
  ['redirect_mismatch', 'https://acme.auth.eu-west-1.amazoncognito.com/error?error=redirect_mismatch&client_id=abc', 'Amazon Cognito', ['redirect-uri-not-registered-hint']],
  ['invalid_grant', 'https://acme.auth.eu-west-1.amazoncognito.com/oauth2/token', 'Amazon Cognito', ['code-reused', 'code-exchanged-late', 'pkce-verifier-mismatch']],
  ['invalid_grant: expired authorization code', 'https://login.salesforce.com/services/oauth2/token', 'Salesforce', ['code-exchanged-late']],
  ['{"error":{"message":"This authorization code has been used.","type":"OAuthException","code":100}}', 'https://graph.facebook.com/v19.0/oauth/access_token', 'Facebook / Meta', ['code-reused']],
  ['invalid_request: Invalid web redirect url.', 'https://appleid.apple.com/auth/authorize', 'Apple', ['redirect-uri-not-registered-hint']],
  ['invalid_client', 'https://appleid.apple.com/auth/token', 'Apple', ['error-response-invalid-client']],
];

describe('matchProviderError', () => {
  it.each(CASES)('%s', (text, url, provider, checks) => {
    const matches = matchProviderError(text, url === undefined ? {} : { url });
    const mine = matches.filter((m) => m.provider === provider);
    expect(mine, JSON.stringify(matches)).toHaveLength(1);
    expect(mine[0]!.checks).toEqual(checks);
  });

  it('keeps code numbers apart (AADSTS50011 is not AADSTS500113, AADSTS70005 is not AADSTS700054)', () => {
    expect(matchProviderError('AADSTS500113: No reply address').map((m) => m.code)).toEqual(['AADSTS500113']);
    expect(matchProviderError('AADSTS700054: response_type id_token').map((m) => m.meaning)).toEqual([
      "response_type 'id_token' is not enabled for the application",
    ]);
    expect(matchProviderError('AADSTS70005: unsupported_response_type')[0]?.meaning).toBe('the response_type is not enabled for this application');
  });

  it('does not attribute plain OAuth error codes to a provider without its URL', () => {
    for (const text of ['invalid_grant', 'invalid_client', 'invalid_scope', 'access_denied', 'redirect_uri_mismatch', 'invalid_client: client authentication failed']) {
      expect(matchProviderError(text, { url: 'http://127.0.0.1:3000/token' }), text).toEqual([]);
      expect(matchProviderError(text), text).toEqual([]);
    }
  });

  it('describes a match in one sentence', () => {
    const [m] = matchProviderError("AADSTS50011: The redirect URI 'x' specified in the request does not match");
    expect(describeProviderError(m!)).toBe("AADSTS50011 (Microsoft Entra): the reply/redirect URI doesn't match the app registration");
    expect(providerErrorPointsTo([m!], 'redirect-uri-not-registered-hint')).toBe(true);
    expect(providerErrorPointsTo([m!], 'code-reused')).toBe(false);
  });

  it('is total: any string in, a list out, no throw', () => {
    fc.assert(fc.property(fc.string(), fc.option(fc.webUrl(), { nil: undefined }), (text, url) => {
      expect(Array.isArray(matchProviderError(text, url === undefined ? {} : { url }))).toBe(true);
    }));
  });
});

describe('PROVIDER_ERROR_CODES', () => {
  it('points only at registered check ids', () => {
    for (const row of PROVIDER_ERROR_CODES) {
      for (const id of [...row.checks, ...(row.variants ?? []).flatMap((v) => v.checks ?? [])]) {
        expect(checkIds.has(id), `${row.provider} ${row.match}: ${id}`).toBe(true);
      }
    }
  });

  it('uses stateless regular expressions (no g/y flags, which would make .test() alternate)', () => {
    for (const row of PROVIDER_ERROR_CODES) {
      for (const re of [row.match, ...(row.variants ?? []).map((v) => v.match)]) {
        if (re) expect(re.flags, String(re)).not.toMatch(/[gy]/);
      }
    }
  });

  it('names its providers by profile id: the URL shapes live in lib/providers/profiles.ts only', () => {
    const ids = new Set(PROVIDER_PROFILES.map((p) => p.id));
    const scoped = PROVIDER_ERROR_CODES.filter((row) => row.at);
    expect(scoped.length).toBeGreaterThan(0);
    for (const row of scoped) expect(ids.has(row.at!.provider), `${row.provider}: ${row.at!.provider}`).toBe(true);
  });

  it('has no two rows of one provider with the same pattern (one code, one answer)', () => {
    const keys = PROVIDER_ERROR_CODES.map((row) => `${row.provider} ${String(row.match)}`);
    expect(keys.length - new Set(keys).size, keys.filter((k, i) => keys.indexOf(k) !== i).join(', ')).toBe(0);
  });
});
