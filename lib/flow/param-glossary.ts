/**
 * What each well-known OAuth 2.0 / OpenID Connect parameter means, for the panel's parameter
 * tables. Pure data: the same entry serves query, fragment, form and JSON members.
 */
export interface ParamMeaning {
  /** One short sentence a developer can read in a table cell. */
  meaning: string;
  spec: string;
  /** Values a user should not paste into a chat: tokens, codes, secrets. */
  secret?: boolean;
}

const ENTRIES: Record<string, ParamMeaning> = {
  client_id: { meaning: 'Identifier of the application registered at the authorization server', spec: 'RFC 6749 §2.2' },
  response_type: { meaning: 'Which grant the client asks for: code, token, id_token or a combination', spec: 'RFC 6749 §3.1.1' },
  redirect_uri: { meaning: 'Where the authorization server sends the response; must match a registered URI exactly', spec: 'RFC 6749 §3.1.2' },
  scope: { meaning: 'Space-separated permissions requested; openid turns the request into OpenID Connect', spec: 'RFC 6749 §3.3' },
  state: { meaning: 'Opaque value the client checks on return; ties the response to this browser session (CSRF)', spec: 'RFC 6749 §10.12' },
  nonce: { meaning: 'Value echoed inside the ID Token; binds the token to this request (replay protection)', spec: 'OIDC Core §3.1.2.1' },
  code_challenge: { meaning: 'PKCE: BASE64URL(SHA-256(code_verifier)) sent with the authorization request', spec: 'RFC 7636 §4.2' },
  code_challenge_method: { meaning: 'PKCE transformation: S256 (required in practice) or plain', spec: 'RFC 7636 §4.3' },
  code_verifier: { meaning: 'PKCE secret the client proves it holds when redeeming the code', spec: 'RFC 7636 §4.5', secret: true },
  response_mode: { meaning: 'How the response is returned: query, fragment or form_post', spec: 'OAuth MRT §2.1' },
  prompt: { meaning: 'Whether to force login/consent (login, consent, select_account) or forbid UI (none)', spec: 'OIDC Core §3.1.2.1' },
  max_age: { meaning: 'Maximum age in seconds of the user authentication before re-login is required', spec: 'OIDC Core §3.1.2.1' },
  login_hint: { meaning: 'Hint about the account to sign in with (often an email)', spec: 'OIDC Core §3.1.2.1' },
  id_token_hint: { meaning: 'A previously issued ID Token identifying the current session', spec: 'OIDC Core §3.1.2.1', secret: true },
  acr_values: { meaning: 'Requested authentication context class (e.g. MFA levels)', spec: 'OIDC Core §3.1.2.1' },
  ui_locales: { meaning: 'Preferred languages for the login pages', spec: 'OIDC Core §3.1.2.1' },
  claims: { meaning: 'JSON object requesting individual claims', spec: 'OIDC Core §5.5' },
  request: { meaning: 'Authorization parameters packed into a signed JWT (JAR)', spec: 'RFC 9101 §4', secret: true },
  request_uri: { meaning: 'Reference to parameters pushed earlier (PAR) or hosted by the client', spec: 'RFC 9126 §4' },
  resource: { meaning: 'Target API the token is meant for', spec: 'RFC 8707 §2' },
  audience: { meaning: 'Provider-specific target API identifier (Auth0 and others)', spec: 'provider-specific' },
  code: { meaning: 'Authorization code: one-time, short-lived credential exchanged for tokens', spec: 'RFC 6749 §4.1.2', secret: true },
  iss: { meaning: 'Issuer of the authorization response; the client compares it with the expected issuer (mix-up defense)', spec: 'RFC 9207 §2' },
  session_state: { meaning: 'Session identifier for OIDC session management (iframe polling)', spec: 'OIDC Session §2' },
  error: { meaning: 'Error code returned instead of a code or token', spec: 'RFC 6749 §4.1.2.1' },
  error_description: { meaning: 'Human-readable explanation of the error', spec: 'RFC 6749 §4.1.2.1' },
  error_uri: { meaning: 'Link to a page about the error', spec: 'RFC 6749 §4.1.2.1' },
  access_token: { meaning: 'Credential used to call APIs', spec: 'RFC 6749 §1.4', secret: true },
  token_type: { meaning: 'How to present the access token: Bearer or DPoP', spec: 'RFC 6749 §7.1' },
  expires_in: { meaning: 'Lifetime of the access token in seconds', spec: 'RFC 6749 §5.1' },
  refresh_token: { meaning: 'Long-lived credential used to get new access tokens', spec: 'RFC 6749 §1.5', secret: true },
  id_token: { meaning: 'Signed JWT describing the authentication event and the user', spec: 'OIDC Core §2', secret: true },
  grant_type: { meaning: 'Which grant is redeemed at the token endpoint', spec: 'RFC 6749 §4.1.3' },
  client_secret: { meaning: 'Password of a confidential client (must never reach a browser)', spec: 'RFC 6749 §2.3.1', secret: true },
  client_assertion: { meaning: 'Signed JWT authenticating the client', spec: 'RFC 7523 §2.2', secret: true },
  client_assertion_type: { meaning: 'Type of client_assertion (jwt-bearer)', spec: 'RFC 7523 §2.2' },
  assertion: { meaning: 'Grant assertion (JWT or SAML) exchanged for a token', spec: 'RFC 7521 §4.1', secret: true },
  device_code: { meaning: 'Device authorization code polled at the token endpoint', spec: 'RFC 8628 §3.4', secret: true },
  user_code: { meaning: 'Code the user types on the verification page', spec: 'RFC 8628 §3.2', secret: true },
  token: { meaning: 'Token to revoke or introspect', spec: 'RFC 7009 §2.1', secret: true },
  token_type_hint: { meaning: 'Kind of token sent for revocation/introspection', spec: 'RFC 7009 §2.1' },
  post_logout_redirect_uri: { meaning: 'Where to go after logout; must be registered', spec: 'OIDC RP-Initiated Logout §3' },
  logout_hint: { meaning: 'Hint about the user to log out', spec: 'OIDC RP-Initiated Logout §2' },
  dpop_jkt: { meaning: 'Thumbprint of the DPoP key the code is bound to', spec: 'RFC 9449 §10' },
  sid: { meaning: 'Session id at the OpenID Provider', spec: 'OIDC Front-Channel Logout §3' },
  username: { meaning: 'Resource owner username (password grant, deprecated)', spec: 'RFC 6749 §4.3.2' },
  password: { meaning: 'Resource owner password (password grant, deprecated)', spec: 'RFC 6749 §4.3.2', secret: true },
};

/** The meaning of a parameter name, or null for names OAuth does not define. */
export function describeParam(name: string): ParamMeaning | null {
  return Object.prototype.hasOwnProperty.call(ENTRIES, name) ? ENTRIES[name]! : null;
}

export const KNOWN_PARAMS: readonly string[] = Object.keys(ENTRIES).sort();
