import type { UrlRole } from '../providers/profile';

/**
 * Provider-specific error codes and texts → generic check ids, as data (docs/checks.md lists
 * the codes under each check).
 *
 * Provider wording changes over time and Microsoft says apps must not depend on AADSTS numbers,
 * so rows match loosely (code number with a word boundary, or a stable substring) and are used
 * for diagnosis only, never to decide whether a flow failed. One row per provider code
 * or text; `variants` refine a row that lists several codes with different meanings.
 */

/** Where the text shows up: AZ = authorization-server error page or callback `error_description`,
 * TK = token-endpoint response body, app = raised by a client SDK, api = provider management /
 * authn APIs outside the OAuth endpoints (Okta E0000…). */
export type ProviderErrorWhere = 'AZ' | 'TK' | 'AZ/TK' | 'app' | 'api';

export interface ProviderErrorVariant {
  readonly match: RegExp;
  readonly meaning: string;
  /** Replaces the row's check ids when this variant is the one that matched. */
  readonly checks?: readonly string[];
}

export interface ProviderErrorRow {
  readonly provider: string;
  /** Tested against the error text (error code, description, or error-page text). */
  readonly match: RegExp;
  /** Only for texts that other providers use as well (plain OAuth error codes): the row applies
   * only when the request URL is this provider's (a profile id of lib/providers/profiles.ts, its
   * URL shapes, limited to `roles` when given). Custom domains defeat this, which is why it's rare. */
  readonly at?: { readonly provider: string; readonly roles?: readonly UrlRole[] };
  readonly where: ProviderErrorWhere;
  readonly meaning: string;
  readonly checks: readonly string[];
  readonly note?: string;
  readonly variants?: readonly ProviderErrorVariant[];
}

export const PROVIDER_ERROR_CODES: readonly ProviderErrorRow[] = [
  // Microsoft Entra
  { provider: 'Microsoft Entra', match: /AADSTS50011\b/, where: 'AZ', meaning: "the reply/redirect URI doesn't match the app registration", checks: ['redirect-uri-not-registered-hint'], note: 'Compare the redirect_uri sent with the registered URIs of the right platform type (Web / SPA / Mobile & desktop).' },
  { provider: 'Microsoft Entra', match: /AADSTS500113\b/, where: 'AZ', meaning: 'no reply address is registered for the application', checks: ['redirect-uri-not-registered-hint'], note: 'The app has no redirect URI at all.' },
  { provider: 'Microsoft Entra', match: /AADSTS900971\b/, where: 'AZ', meaning: 'no reply address was provided', checks: ['authz-request-malformed'], note: 'redirect_uri missing.' },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:700054|700051|70005)\b/, where: 'AZ', meaning: 'the response_type is not enabled for this application',
    checks: ['error-response-unsupported-response-type', 'implicit-flow-used'], note: 'Prefer switching to code+PKCE over ticking the implicit checkboxes.',
    variants: [
      { match: /AADSTS700054\b/, meaning: "response_type 'id_token' is not enabled for the application" },
      { match: /AADSTS700051\b/, meaning: "response_type 'token' is not enabled for the application" },
    ],
  },
  { provider: 'Microsoft Entra', match: /AADSTS70007\b/, where: 'AZ', meaning: 'the response_mode is not supported', checks: ['response-mode-unsupported'] },
  { provider: 'Microsoft Entra', match: /AADSTS(?:50148|501481)\b/, where: 'TK', meaning: "the code_verifier doesn't match the code_challenge", checks: ['pkce-verifier-mismatch'] },
  { provider: 'Microsoft Entra', match: /AADSTS(?:501491|50147)\b/, where: 'AZ', meaning: 'the code_challenge has an invalid size', checks: ['pkce-challenge-malformed'], note: 'Usually standard base64 or padding.' },
  { provider: 'Microsoft Entra', match: /AADSTS9002325\b/, where: 'TK', meaning: 'PKCE is required for cross-origin authorization code redemption', checks: ['pkce-missing'], note: 'Raised for SPA-platform redirect URIs.' },
  { provider: 'Microsoft Entra', match: /AADSTS9002326\b|AADSTS90023\b/, where: 'TK', meaning: "cross-origin token redemption is permitted only for the 'Single-Page Application' client type", checks: ['token-endpoint-cors-blocked'], note: 'The browser redeemed a code for a redirect URI registered as Web. Move the URI to the SPA platform, or redeem server-side.' },
  { provider: 'Microsoft Entra', match: /AADSTS9002327\b/, where: 'TK', meaning: 'tokens issued for the SPA client type may only be redeemed via cross-origin requests', checks: ['token-exchange-not-observable'], note: 'Client-type mismatch: a backend (no Origin header) redeemed a code minted for an SPA redirect URI. Register the URI under Web, or redeem in the browser.' },
  { provider: 'Microsoft Entra', match: /AADSTS54005\b/, where: 'TK', meaning: 'the authorization code was already redeemed', checks: ['code-reused'] },
  { provider: 'Microsoft Entra', match: /AADSTS70008\b/, where: 'TK', meaning: 'the code or refresh token has expired or been revoked', checks: ['code-exchanged-late', 'error-response-invalid-grant'], note: 'For an authorization code: code-exchanged-late; for a refresh token: error-response-invalid-grant.' },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:700082|700084|50173|70043)\b/, where: 'TK', meaning: 'the refresh token has expired or is no longer valid',
    checks: ['error-response-invalid-grant'], note: 'Re-authenticate interactively.',
    variants: [{ match: /AADSTS700084\b/, meaning: 'the refresh token was issued to a single-page app and has a fixed lifetime that has passed' }],
  },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:70002|7000215|7000222|700027)\b/, where: 'TK', meaning: 'client authentication failed', checks: ['error-response-invalid-client'],
    variants: [
      { match: /AADSTS7000215\b/, meaning: 'an invalid client secret was provided' },
      { match: /AADSTS7000222\b/, meaning: 'the client secret has expired' },
      { match: /AADSTS700027\b/, meaning: 'the client assertion signature failed validation' },
    ],
  },
  { provider: 'Microsoft Entra', match: /AADSTS7000218\b/, where: 'TK', meaning: "the request body must contain 'client_assertion' or 'client_secret'", checks: ['error-response-invalid-client'], note: 'In a browser flow this means the app is not registered as public/SPA; do not "fix" it by adding a secret (that would trigger client-secret-in-browser).' },
  { provider: 'Microsoft Entra', match: /AADSTS700025\b/, where: 'TK', meaning: 'a public client must not present a client secret or assertion', checks: ['client-secret-in-browser'] },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:700016|700011|70001)\b/, where: 'AZ/TK', meaning: 'the application was not found in the directory, or is disabled',
    checks: ['error-response-unauthorized-client'], note: 'Wrong client_id or tenant.',
    variants: [{ match: /AADSTS70001\b/, meaning: 'the application is disabled' }],
  },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:50194|90002)\b/, where: 'AZ', meaning: 'the authority does not fit the application', checks: ['discovery-endpoint-mismatch'], note: 'Use the tenant-specific authority.',
    variants: [
      { match: /AADSTS50194\b/, meaning: 'a single-tenant application was used with the /common endpoint' },
      { match: /AADSTS90002\b/, meaning: 'the tenant was not found' },
    ],
  },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:65001|90094)\b/, where: 'AZ', meaning: 'consent has not been granted', checks: ['error-response-consent-required'],
    variants: [{ match: /AADSTS90094\b/, meaning: 'admin consent is required' }],
  },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:65004|50105|53003|50020)\b/, where: 'AZ', meaning: 'access was refused', checks: ['error-response-access-denied'], note: 'AADSTS50020 descriptions contain the user\'s email; redact it.',
    variants: [
      { match: /AADSTS65004\b/, meaning: 'the user declined consent' },
      { match: /AADSTS50105\b/, meaning: 'the signed-in user is not assigned to the application' },
      { match: /AADSTS53003\b/, meaning: 'access was blocked by Conditional Access policies' },
      { match: /AADSTS50020\b/, meaning: "the user's account is from an identity provider that does not exist in the tenant" },
    ],
  },
  { provider: 'Microsoft Entra', match: /AADSTS50058\b/, where: 'AZ', meaning: 'no signed-in user was found (common with prompt=none)', checks: ['error-response-login-required'] },
  { provider: 'Microsoft Entra', match: /AADSTS16000\b/, where: 'AZ', meaning: 'the user must select an account', checks: ['error-response-account-selection-required'] },
  { provider: 'Microsoft Entra', match: /AADSTS(?:50076|50079|50158)\b/, where: 'AZ/TK', meaning: 'multi-factor authentication or an external challenge is required', checks: ['error-response-interaction-required'] },
  { provider: 'Microsoft Entra', match: /AADSTS(?:70011|28002|28003|650057|500011)\b/, where: 'AZ/TK', meaning: 'the scope is invalid, empty, or names a resource the application has no permission for', checks: ['error-response-invalid-scope', 'scope-unknown'] },
  { provider: 'Microsoft Entra', match: /AADSTS(?:900144|90014|9002313)\b/, where: 'TK', meaning: 'a required parameter is missing or the request is malformed', checks: ['token-request-malformed', 'error-response-invalid-request'] },
  { provider: 'Microsoft Entra', match: /AADSTS(?:900561|90056)\b/, where: 'TK', meaning: 'the request went to the wrong endpoint or used the wrong method (the token endpoint accepts only POST)', checks: ['token-request-malformed'] },
  { provider: 'Microsoft Entra', match: /AADSTS50196\b/, where: 'AZ/TK', meaning: 'the server detected a client loop', checks: ['authorize-loop'] },
  { provider: 'Microsoft Entra', match: /AADSTS50089\b/, where: 'AZ', meaning: 'the flow token expired: the user stayed too long on the sign-in page', checks: ['callback-never-reached'] },
  {
    provider: 'Microsoft Entra', match: /AADSTS(?:70016|70019|70018)\b/, where: 'TK', meaning: 'device code flow state', checks: ['error-response-device-flow'],
    variants: [
      { match: /AADSTS70016\b/, meaning: 'the user has not finished authorizing yet (authorization pending)' },
      { match: /AADSTS70019\b/, meaning: 'the verification code has expired' },
      { match: /AADSTS70018\b/, meaning: 'the user entered a bad verification code' },
    ],
  },
  // Azure AD B2C
  { provider: 'Azure AD B2C', match: /AADB2C90006\b/, where: 'AZ', meaning: 'the redirect URI is not registered for the client', checks: ['redirect-uri-not-registered-hint'] },
  {
    provider: 'Azure AD B2C', match: /AADB2C(?:90091|90118)\b/, where: 'AZ', meaning: 'the user left the user flow', checks: ['error-response-access-denied'], note: 'AADB2C90118 is a routing signal (start the password-reset flow), not a failure.',
    variants: [
      { match: /AADB2C90091\b/, meaning: 'the user cancelled' },
      { match: /AADB2C90118\b/, meaning: 'the user chose "forgot password"' },
    ],
  },
  // Okta
  { provider: 'Okta', match: /'redirect_uri' parameter must be (?:a Login redirect URI|an absolute URI that is whitelisted)/i, where: 'AZ', meaning: 'the redirect_uri is not a Login redirect URI of the client app', checks: ['redirect-uri-not-registered-hint'] },
  { provider: 'Okta', match: /response type is not supported by the authorization server\. Configured response types/i, where: 'AZ', meaning: 'the response_type is not configured for the client app', checks: ['error-response-unsupported-response-type'] },
  { provider: 'Okta', match: /authorization code is invalid or has expired/i, where: 'TK', meaning: 'the authorization code is invalid or has expired', checks: ['code-reused', 'code-exchanged-late'], note: 'Decide between them by correlation.' },
  { provider: 'Okta', match: /PKCE|code.?verifier|code.?challenge/i, at: { provider: 'okta' }, where: 'TK', meaning: "PKCE verification failed: the code_verifier doesn't match the code_challenge", checks: ['pkce-verifier-mismatch'] },
  { provider: 'Okta', match: /Client authentication failed/i, at: { provider: 'okta' }, where: 'TK', meaning: 'client authentication failed', checks: ['error-response-invalid-client'] },
  { provider: 'Okta', match: /client is not authorized to use the provided grant type/i, where: 'TK', meaning: 'the client is not authorized to use this grant type', checks: ['error-response-unauthorized-client'] },
  { provider: 'Okta', match: /One or more scopes are not configured for the authorization server resource/i, where: 'AZ/TK', meaning: 'one or more scopes are not configured for the authorization server', checks: ['error-response-invalid-scope'] },
  { provider: 'Okta', match: /CORS|Cross-Origin|net::ERR_FAILED|Failed to fetch/i, at: { provider: 'okta', roles: ['token', 'jwks'] }, where: 'TK', meaning: 'the browser blocked the response because the app origin is not a Trusted Origin (CORS)', checks: ['token-endpoint-cors-blocked'], note: 'Add the app origin to Trusted Origins (CORS).' },
  {
    provider: 'Okta', match: /\bE00000(?:11|04|47|06)\b/, where: 'api', meaning: 'Okta API error', checks: ['error-response-invalid-token', 'error-response-access-denied', 'error-response-temporarily-unavailable'],
    note: "E0000 codes come from Okta's management and authn APIs, not the OAuth endpoints; they can show up in the same trace.",
    variants: [
      { match: /\bE0000011\b/, meaning: 'invalid token provided', checks: ['error-response-invalid-token'] },
      { match: /\bE0000004\b/, meaning: 'authentication failed', checks: ['error-response-access-denied'] },
      { match: /\bE0000047\b/, meaning: 'API call exceeded the rate limit', checks: ['error-response-temporarily-unavailable'] },
      { match: /\bE0000006\b/, meaning: 'you do not have permission to perform the requested action', checks: ['error-response-access-denied'] },
    ],
  },
  // Auth0
  { provider: 'Auth0', match: /Callback URL mismatch/i, where: 'AZ', meaning: 'the callback URL is not in the list of allowed callback URLs', checks: ['redirect-uri-not-registered-hint'] },
  { provider: 'Auth0', match: /Invalid authorization code/i, where: 'TK', meaning: 'the authorization code is invalid (used already or expired)', checks: ['code-reused', 'code-exchanged-late'], note: 'Decide between them by correlation.' },
  { provider: 'Auth0', match: /Failed to verify code verifier/i, where: 'TK', meaning: "the code_verifier doesn't match the code_challenge", checks: ['pkce-verifier-mismatch'] },
  { provider: 'Auth0', match: /Grant type '[^']*' not allowed for the client/i, where: 'TK', meaning: 'the grant type is not enabled for the application', checks: ['error-response-unauthorized-client'] },
  { provider: 'Auth0', match: /Service not found/i, where: 'AZ', meaning: 'the requested audience (API identifier) is unknown', checks: ['scope-unknown'], note: 'Unknown `audience` (API identifier).' },
  {
    provider: 'Auth0', match: /^(?:login_required|consent_required)\b|\b(?:Login|Consent) required\b/, at: { provider: 'auth0' }, where: 'AZ', meaning: 'silent authentication needs the user',
    checks: ['error-response-login-required', 'error-response-consent-required'], note: 'Typical for getTokenSilently without a session, or with third-party cookies blocked.',
    variants: [
      { match: /login_required|Login required/i, meaning: 'there is no Auth0 session (login required)', checks: ['error-response-login-required'] },
      { match: /consent_required|Consent required/i, meaning: 'the user has not consented to the requested scopes (consent required)', checks: ['error-response-consent-required'] },
    ],
  },
  { provider: 'Auth0 SDKs', match: /\bInvalid state\b|\bstate mismatch\b/i, where: 'app', meaning: "the SDK couldn't find the state it stored for this callback", checks: ['state-mismatch'], note: 'Raised by the SDK, not the server.' },
  // Google
  { provider: 'Google', match: /\bredirect_uri_mismatch\b/, at: { provider: 'google' }, where: 'AZ', meaning: "the redirect URI doesn't match one registered for the OAuth client", checks: ['redirect-uri-not-registered-hint'], note: 'At the token endpoint: redirect-uri-mismatch.' },
  { provider: 'Google', match: /\borigin_mismatch\b/, where: 'AZ', meaning: 'the JavaScript origin is not registered for the OAuth client (Google Identity Services)', checks: ['redirect-uri-not-registered-hint'] },
  { provider: 'Google', match: /\binvalid_client\b|OAuth client was not found/i, at: { provider: 'google' }, where: 'AZ/TK', meaning: 'the OAuth client was not found, or its credentials are wrong', checks: ['error-response-invalid-client'] },
  { provider: 'Google', match: /\borg_internal\b/, where: 'AZ', meaning: 'the consent screen is "Internal" and the user is outside the Workspace organization', checks: ['error-response-access-denied'] },
  {
    provider: 'Google', match: /Error 403: access_denied|\badmin_policy_enforced\b/, at: { provider: 'google' }, where: 'AZ', meaning: 'access was refused by Google policy',
    checks: ['error-response-access-denied'],
    variants: [
      { match: /access_denied/, meaning: 'the app is in testing and the user is not a test user, or the app is unverified' },
      { match: /admin_policy_enforced/, meaning: "the Workspace administrator's policy blocks this app" },
    ],
  },
  { provider: 'Google', match: /\bdisallowed_useragent\b/, where: 'AZ', meaning: 'sign-in from an embedded WebView is blocked', checks: ['error-response-access-denied'], note: 'Use the system browser (RFC 8252 §8.12).' },
  { provider: 'Google', match: /Error 400: invalid_request/, at: { provider: 'google' }, where: 'AZ', meaning: 'a required parameter is missing or a parameter is not allowed', checks: ['authz-request-malformed'] },
  { provider: 'Google', match: /\binvalid_grant\b[\s\S]*(?:Bad Request|Malformed auth code)|Malformed auth code/i, at: { provider: 'google' }, where: 'TK', meaning: 'the authorization code is invalid, already used, expired, or bound to another redirect_uri', checks: ['code-reused', 'code-exchanged-late', 'redirect-uri-mismatch'], note: 'Decide by correlation.' },
  {
    provider: 'Google', match: /Missing code verifier|Invalid code verifier|code_verifier/i, at: { provider: 'google' }, where: 'TK', meaning: 'the code_verifier is missing or invalid', checks: ['pkce-verifier-missing', 'pkce-verifier-mismatch'],
    variants: [
      { match: /Missing code verifier/i, meaning: 'the code_verifier is missing', checks: ['pkce-verifier-missing'] },
      { match: /Invalid code verifier/i, meaning: "the code_verifier doesn't match the code_challenge", checks: ['pkce-verifier-mismatch'] },
    ],
  },
  { provider: 'Google', match: /\binvalid_scope\b/, at: { provider: 'google' }, where: 'AZ/TK', meaning: 'a requested scope is invalid', checks: ['error-response-invalid-scope'] },
  // Keycloak
  { provider: 'Keycloak', match: /Invalid parameter: redirect_uri/i, where: 'AZ', meaning: 'the redirect_uri is not among the client\'s "Valid redirect URIs"', checks: ['redirect-uri-not-registered-hint'], note: 'Check "Valid redirect URIs" on the client.' },
  { provider: 'Keycloak', match: /Client not found\.?/i, at: { provider: 'keycloak' }, where: 'AZ', meaning: 'the client_id does not exist in this realm', checks: ['error-response-unauthorized-client'], note: 'Wrong realm or client_id.' },
  { provider: 'Keycloak', match: /Code not valid/i, where: 'TK', meaning: 'the code is not valid (already used or expired)', checks: ['code-reused', 'code-exchanged-late'], note: 'Redeeming a code twice also ends the session it created.' },
  { provider: 'Keycloak', match: /Incorrect redirect_uri/i, where: 'TK', meaning: "the token request's redirect_uri differs from the authorization request's", checks: ['redirect-uri-mismatch'] },
  { provider: 'Keycloak', match: /PKCE code verifier not specified/i, where: 'TK', meaning: 'the token request has no code_verifier', checks: ['pkce-verifier-missing'] },
  { provider: 'Keycloak', match: /PKCE verification failed: Code mismatch/i, where: 'TK', meaning: "the code_verifier doesn't match the code_challenge", checks: ['pkce-verifier-mismatch'] },
  { provider: 'Keycloak', match: /PKCE verification failed: Invalid code verifier/i, where: 'TK', meaning: 'the code_verifier is malformed', checks: ['pkce-verifier-malformed'] },
  {
    provider: 'Keycloak', match: /(?:Missing|Invalid) parameter: code_challenge_method/i, where: 'AZ', meaning: 'the client requires PKCE with a specific method', checks: ['pkce-missing', 'pkce-plain'],
    variants: [
      { match: /Missing parameter: code_challenge_method/i, meaning: 'the client requires PKCE but no code_challenge_method was sent', checks: ['pkce-missing'] },
      { match: /Invalid parameter: code_challenge_method/i, meaning: 'the code_challenge_method is not the one the client requires (usually S256)', checks: ['pkce-plain'] },
    ],
  },
  { provider: 'Keycloak', match: /Invalid client or Invalid client credentials|Invalid client credentials/i, where: 'TK', meaning: 'client authentication failed', checks: ['error-response-invalid-client'] },
  { provider: 'Keycloak', match: /Session not active|Token is not active/i, where: 'TK', meaning: 'the session or refresh token is no longer active (logout or expiry)', checks: ['error-response-invalid-grant'], note: 'Refresh after logout or expiry.' },
  { provider: 'Keycloak', match: /Cookie not found\. Please make sure cookies are enabled|Restart login cookie not found/i, where: 'AZ', meaning: "Keycloak's own login-session cookies were not sent back", checks: ['samesite-cookie-dropped', 'third-party-cookie-blocked-silent-renew'] },
  { provider: 'Keycloak', match: /Invalid redirect uri|Missing parameters?: id_token_hint/i, at: { provider: 'keycloak' }, where: 'AZ', meaning: 'the logout request has an unregistered post_logout_redirect_uri or lacks id_token_hint', checks: ['end-session-unregistered-redirect'] },
  { provider: 'Keycloak', match: /Invalid scopes: /i, where: 'AZ', meaning: 'a requested scope is not available to the client', checks: ['error-response-invalid-scope'] },
  // GitHub
  { provider: 'GitHub', match: /\bredirect_uri_mismatch\b/, at: { provider: 'github' }, where: 'AZ/TK', meaning: 'the redirect_uri must match the registered callback URL', checks: ['redirect-uri-not-registered-hint', 'redirect-uri-mismatch'] },
  { provider: 'GitHub', match: /\bbad_verification_code\b/, where: 'TK', meaning: 'the code is incorrect or expired', checks: ['code-reused', 'code-exchanged-late'], note: 'GitHub signals token errors with status 200; the check must inspect the body.' },
  { provider: 'GitHub', match: /\bincorrect_client_credentials\b/, where: 'TK', meaning: 'the client_id or client_secret is incorrect', checks: ['error-response-invalid-client'] },
  { provider: 'GitHub', match: /\bapplication_suspended\b/, where: 'AZ/TK', meaning: 'the OAuth app is suspended', checks: ['error-response-unauthorized-client'] },
  {
    provider: 'GitHub', match: /\baccess_denied\b|\bunverified_user_email\b/, at: { provider: 'github' }, where: 'AZ/TK', meaning: 'the user refused access or cannot authorize', checks: ['error-response-access-denied'],
    variants: [
      { match: /access_denied/, meaning: 'the user cancelled the authorization' },
      { match: /unverified_user_email/, meaning: 'the user has no verified primary email address' },
    ],
  },
  { provider: 'GitHub', match: /CORS|Cross-Origin|net::ERR_FAILED|Failed to fetch/i, at: { provider: 'github', roles: ['token'] }, where: 'TK', meaning: 'GitHub does not allow browser (CORS) requests to its token endpoint', checks: ['token-endpoint-cors-blocked'], note: 'Treat as by design: redeem on a server.' },
  // Amazon Cognito
  { provider: 'Amazon Cognito', match: /\bredirect_mismatch\b/, where: 'AZ', meaning: 'the callback URL is not registered for the app client (exact, case-sensitive match)', checks: ['redirect-uri-not-registered-hint'], note: 'Exact, case-sensitive callback URL match.' },
  { provider: 'Amazon Cognito', match: /Client is not enabled for OAuth2\.0 flows/i, where: 'AZ', meaning: 'OAuth flows are not enabled on the app client', checks: ['error-response-unauthorized-client'], note: 'Also reported when the callback URL differs only in case.' },
  { provider: 'Amazon Cognito', match: /\binvalid_grant\b/, at: { provider: 'cognito' }, where: 'TK', meaning: 'the code is invalid: reused, expired, or the PKCE verifier does not match', checks: ['code-reused', 'code-exchanged-late', 'pkce-verifier-mismatch'], note: 'Cognito uses one code for all of these; decide by correlation.' },
  // Salesforce
  { provider: 'Salesforce', match: /\bredirect_uri_mismatch\b|redirect_uri must match configuration/i, at: { provider: 'salesforce' }, where: 'AZ', meaning: 'the redirect_uri must match the connected app configuration', checks: ['redirect-uri-not-registered-hint'] },
  { provider: 'Salesforce', match: /\binvalid_client_id\b|client identifier invalid/i, where: 'AZ/TK', meaning: 'the client identifier is invalid', checks: ['error-response-unauthorized-client'] },
  {
    provider: 'Salesforce', match: /expired authorization code|authentication failure|invalid code verifier/i, at: { provider: 'salesforce' }, where: 'TK', meaning: 'the grant was refused', checks: ['code-exchanged-late', 'error-response-invalid-grant', 'pkce-verifier-mismatch'],
    variants: [
      { match: /expired authorization code/i, meaning: 'the authorization code has expired', checks: ['code-exchanged-late'] },
      { match: /authentication failure/i, meaning: 'authentication failure', checks: ['error-response-invalid-grant'] },
      { match: /invalid code verifier/i, meaning: "the code_verifier doesn't match the code_challenge", checks: ['pkce-verifier-mismatch'] },
    ],
  },
  // Facebook / Meta
  { provider: 'Facebook / Meta', match: /URL Blocked: This redirect failed because the redirect URI is not whitelisted|Can't Load URL: The domain of this URL isn't included in the app's domains/i, where: 'AZ', meaning: "the redirect URI (or its domain) is not in the app's Client OAuth Settings", checks: ['redirect-uri-not-registered-hint'] },
  { provider: 'Facebook / Meta', match: /error_reason=user_denied|\buser_denied\b/, where: 'AZ', meaning: 'the user denied the request', checks: ['error-response-access-denied'] },
  { provider: 'Facebook / Meta', match: /This authorization code has been used/i, where: 'TK', meaning: 'the authorization code has been used already', checks: ['code-reused'] },
  { provider: 'Facebook / Meta', match: /This authorization code has expired/i, where: 'TK', meaning: 'the authorization code has expired', checks: ['code-exchanged-late'] },
  { provider: 'Facebook / Meta', match: /Error validating verification code\. Please make sure your redirect_uri is identical/i, where: 'TK', meaning: "the token request's redirect_uri is not identical to the authorization request's", checks: ['redirect-uri-mismatch'] },
  // Apple
  { provider: 'Apple', match: /Invalid web redirect url/i, where: 'AZ', meaning: 'the return URL is not registered on the Services ID, or its domain is not verified', checks: ['redirect-uri-not-registered-hint'] },
  { provider: 'Apple', match: /\binvalid_client\b/, at: { provider: 'apple' }, where: 'TK', meaning: "the client_secret JWT is wrong or expired, or the Services ID / team / key id don't match", checks: ['error-response-invalid-client'] },
  { provider: 'Apple', match: /\binvalid_grant\b/, at: { provider: 'apple' }, where: 'TK', meaning: 'the authorization code is invalid, already used or expired', checks: ['code-reused', 'code-exchanged-late'] },
  { provider: 'Apple JS', match: /\buser_cancelled_authorize\b/, where: 'app', meaning: 'the user cancelled Sign in with Apple', checks: ['error-response-access-denied'] },
];
