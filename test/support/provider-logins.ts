import { createHash } from 'node:crypto';
import type { CapturedEvent } from '../../lib/model/event';
import { chain, CHALLENGE, hop, NONCE, STATE, VERIFIER } from './events';
import { brokerEvents } from './broker-hars';

/**
 * Clean logins at real providers, HAND-BUILT (no provider can run in this sandbox): each is the
 * shape the provider's documentation (`source`) describes for a working sign-in, with the app at
 * https://app.example.com redeeming the code on its server unless said otherwise. Only the demo
 * provider's recordings (test/fixtures/har) are real captures; these are labelled as built.
 */
export interface ProviderLogin {
  provider: string;
  /** The documentation the request and response shapes follow. */
  source: string;
  events: CapturedEvent[];
  /** Flows with an authorization request: 1, or 2 for a broker (the app's flow and the broker's upstream leg). */
  flows?: number;
}

const APP = 'https://app.example.com';
const T = 1_700_000_000_000;

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** An unsigned-looking ID Token (signature bytes present, no JWKS captured, so not verifiable). */
export function idToken(claims: Record<string, unknown>, code?: string): string {
  const withHash = code ? { ...claims, c_hash: b64url(createHash('sha256').update(code).digest().subarray(0, 16)) } : claims;
  return `${b64url(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' }))}.${b64url(JSON.stringify(withHash))}.${b64url('signature-bytes-not-verifiable')}`;
}

interface Shape {
  provider: string;
  source: string;
  authorize: string;
  params: Record<string, string>;
  /** Provider pages between the authorization request and the redirect back (login, consent). */
  pages?: string[];
  /** The hop that issues the redirect back, when it is not the last page (Google's consent hop). */
  redirector?: string;
  callbackPath?: string;
  /** form_post: the provider answers with an auto-submitting form, the browser POSTs the callback. */
  formPost?: boolean;
  response?: Record<string, string>;
}

const CODE = 'c0de-Splx1OBeZQQYbYS6WxSbIA';

function login(shape: Shape): ProviderLogin {
  const redirectUri = `${APP}${shape.callbackPath ?? '/auth/callback'}`;
  const params = { redirect_uri: redirectUri, state: STATE, ...shape.params };
  const authorizeUrl = `${shape.authorize}?${new URLSearchParams(params).toString()}`;
  const pages = shape.pages ?? [`${new URL(shape.authorize).origin}/login`];
  const response = { code: CODE, state: STATE, ...shape.response };
  const last = shape.redirector ?? pages[pages.length - 1]!;
  const events: CapturedEvent[] = [
    ...chain([
      { url: `${APP}/login`, time: T, responseHeaders: [{ name: 'Set-Cookie', value: 'tx=abc; Path=/; HttpOnly; Secure; SameSite=Lax' }] },
      { url: authorizeUrl, time: T + 50 },
      ...pages.map((url, i) => ({ url, time: T + 100 + i * 50 })),
    ]),
  ];
  if (shape.formPost) {
    events.push(
      hop({ url: last, method: 'POST', time: T + 2000, form: { approve: '1' }, responseText: `<form method="post" action="${redirectUri}"></form>` }),
      hop({
        url: redirectUri,
        method: 'POST',
        time: T + 2100,
        form: response,
        requestHeaders: [{ name: 'Origin', value: new URL(shape.authorize).origin }, { name: 'Sec-Fetch-Site', value: 'cross-site' }, { name: 'Cookie', value: 'tx=abc' }],
        location: `${APP}/`,
      }),
    );
  } else {
    events.push(
      ...chain([
        { url: last, method: 'POST', time: T + 2000, form: { approve: '1' } },
        { url: `${redirectUri}?${new URLSearchParams(response).toString()}`, time: T + 2100, requestHeaders: [{ name: 'Cookie', value: 'tx=abc' }], location: `${APP}/` },
      ]),
    );
  }
  return { provider: shape.provider, source: shape.source, events };
}

const OIDC = { response_type: 'code', scope: 'openid profile email', nonce: NONCE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };
void VERIFIER;

export const PROVIDER_LOGINS: readonly ProviderLogin[] = [
  login({
    provider: 'google',
    source: 'https://developers.google.com/identity/protocols/oauth2/web-server',
    authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
    params: { client_id: '1234-abc.apps.googleusercontent.com', ...OIDC, access_type: 'offline' },
    pages: ['https://accounts.google.com/v3/signin/identifier?flowName=GeneralOAuthFlow', 'https://accounts.google.com/signin/oauth/consent?authuser=0&part=AJi8hAN'],
    response: { iss: 'https://accounts.google.com', scope: 'email profile openid', authuser: '0', prompt: 'consent' },
  }),
  login({
    provider: 'entra',
    source: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow',
    authorize: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
    params: { client_id: '6731de76-14a6-49ae-97bc-6eba6914391e', ...OIDC, response_mode: 'form_post' },
    pages: ['https://login.microsoftonline.com/contoso.onmicrosoft.com/login'],
    callbackPath: '/signin-oidc',
    formPost: true,
    response: { session_state: '3b8e1d39-0000-4a5b-9a3d-6f1e' },
  }),
  login({
    provider: 'entra (v1 endpoint, resource=)',
    source: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow',
    authorize: 'https://login.microsoftonline.com/common/oauth2/authorize',
    params: { client_id: '6731de76-14a6-49ae-97bc-6eba6914391e', response_type: 'code', resource: 'https://graph.microsoft.com', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
    pages: ['https://login.microsoftonline.com/common/login'],
  }),
  login({
    provider: 'entra-external',
    source: 'https://learn.microsoft.com/azure/active-directory-b2c/authorization-code-flow',
    authorize: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/oauth2/v2.0/authorize',
    params: { client_id: '90c0fe63-bcf2-44d5-8fb7-b8bbc0b29dc6', ...OIDC },
  }),
  login({
    provider: 'okta',
    source: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
    authorize: 'https://dev-123456.okta.com/oauth2/default/v1/authorize',
    params: { client_id: '0oa1bcdefGHIJKLMN5d7', ...OIDC },
  }),
  login({
    provider: 'auth0',
    source: 'https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow',
    authorize: 'https://tenant.eu.auth0.com/authorize',
    params: { client_id: 'AbCdEfGhIjKlMnOpQrStUvWxYz012345', ...OIDC },
    pages: ['https://tenant.eu.auth0.com/u/login?state=hKFo2SB'],
  }),
  login({
    provider: 'keycloak',
    source: 'https://www.keycloak.org/docs/latest/server_admin/#_clients',
    authorize: 'https://sso.example.org/realms/main/protocol/openid-connect/auth',
    params: { client_id: 'portal', ...OIDC },
    pages: ['https://sso.example.org/realms/main/login-actions/authenticate?session_code=x'],
    response: { session_state: 'a1b2c3', iss: 'https://sso.example.org/realms/main' },
  }),
  login({
    provider: 'github',
    source: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
    authorize: 'https://github.com/login/oauth/authorize',
    params: { client_id: 'Iv1.8a61f9b3a7aba766', scope: 'read:user user:email', allow_signup: 'true' },
    pages: ['https://github.com/login?client_id=Iv1.8a61f9b3a7aba766'],
  }),
  login({
    provider: 'apple',
    source: 'https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_js/incorporating_sign_in_with_apple_into_other_platforms',
    authorize: 'https://appleid.apple.com/auth/authorize',
    params: { client_id: 'com.example.web', response_type: 'code id_token', response_mode: 'form_post', scope: 'name email', nonce: NONCE },
    formPost: true,
    response: {
      id_token: idToken({ iss: 'https://appleid.apple.com', aud: 'com.example.web', sub: '001234.abcd', iat: T / 1000, exp: T / 1000 + 600, nonce: NONCE, email: 'a@example.com' }, CODE),
      user: '{"name":{"firstName":"Ada","lastName":"L"},"email":"a@example.com"}',
    },
  }),
  login({
    provider: 'cognito',
    source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html',
    authorize: 'https://mydomain.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
    params: { client_id: '1example23456789', ...OIDC },
    pages: ['https://mydomain.auth.eu-west-1.amazoncognito.com/login?client_id=1example23456789'],
  }),
  login({
    provider: 'aws-sso',
    source: 'https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html',
    authorize: 'https://oidc.us-east-1.amazonaws.com/authorize',
    params: { client_id: 'awsclientid123', response_type: 'code', scopes: 'sso:account:access', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
    pages: ['https://d-1234567890.awsapps.com/start/#/device'],
    callbackPath: '/oauth/callback',
  }),
  login({
    provider: 'login-with-amazon',
    source: 'https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html',
    authorize: 'https://www.amazon.com/ap/oa',
    params: { client_id: 'amzn1.application-oa2-client.abc', response_type: 'code', scope: 'profile', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
  }),
  login({
    provider: 'salesforce',
    source: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm',
    authorize: 'https://login.salesforce.com/services/oauth2/authorize',
    params: { client_id: '3MVG9lKcPoNINVBIPJjdw1J9LLM82Hn', ...OIDC },
  }),
  login({
    provider: 'facebook',
    source: 'https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow',
    authorize: 'https://www.facebook.com/v19.0/dialog/oauth',
    params: { client_id: '1234567890123456', scope: 'email public_profile' },
  }),
  login({
    provider: 'ping',
    source: 'https://docs.pingidentity.com/pingone/applications/p1_wildcard_redirect_uri.html',
    authorize: 'https://auth.pingone.com/0a7af83d-4ed9-4510-93cd-506fe835f69a/as/authorize',
    params: { client_id: 'b8c1f1a0-0000-4c1e-9f3a-1f1f1f1f1f1f', ...OIDC },
  }),
  login({
    provider: 'gitlab',
    source: 'https://docs.gitlab.com/api/oauth2/',
    authorize: 'https://gitlab.com/oauth/authorize',
    params: { client_id: 'abcdef0123456789', ...OIDC, scope: 'openid read_user' },
    pages: ['https://gitlab.com/users/sign_in'],
  }),
  login({
    provider: 'linkedin',
    source: 'https://learn.microsoft.com/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2',
    authorize: 'https://www.linkedin.com/oauth/v2/authorization',
    params: { client_id: '86abcdefghijkl', response_type: 'code', scope: 'openid profile email', nonce: NONCE },
  }),
  login({
    provider: 'linkedin (3-legged OAuth, no OpenID Connect)',
    source: 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow',
    authorize: 'https://www.linkedin.com/oauth/v2/authorization',
    params: { client_id: '86abcdefghijkl', response_type: 'code', scope: 'w_member_social' },
  }),
  login({
    provider: 'x',
    source: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
    authorize: 'https://x.com/i/oauth2/authorize',
    params: { client_id: 'M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ', response_type: 'code', scope: 'tweet.read users.read', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
  }),
  login({
    provider: 'slack',
    source: 'https://docs.slack.dev/authentication/installing-with-oauth',
    authorize: 'https://slack.com/oauth/v2/authorize',
    params: { client_id: '1234567890.0987654321', scope: 'chat:write,channels:read', user_scope: 'search:read' },
  }),
  login({
    provider: 'discord',
    source: 'https://discord.com/developers/docs/topics/oauth2',
    authorize: 'https://discord.com/oauth2/authorize',
    params: { client_id: '157730590492196864', response_type: 'code', scope: 'identify email', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
  }),
  {
    provider: 'supabase (brokering to GitHub, PKCE)',
    source: 'test/fixtures/brokers/supabase-github-pkce.har (hand-built from https://supabase.com/docs/guides/auth/sessions/pkce-flow)',
    events: brokerEvents('supabase-github-pkce.har'),
    flows: 2,
  },
];
