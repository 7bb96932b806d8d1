import { describe, expect, it } from 'vitest';
import { matchesProviderPattern } from '../../lib/providers/match';
import { PROVIDER_PROFILES } from '../../lib/providers/profiles';
import { isIgnoredType, shapeOfBody, shapeOfRequest, shapeOfUrl, type Shape } from '../../lib/capture/prefilter';

const form = (fields: Record<string, string>) => ({ formData: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])) });
const raw = (text: string) => ({ raw: [{ bytes: new TextEncoder().encode(text).buffer }] });

// [description, url, expected shape] — real-looking URLs of the providers in lib/providers/profiles.ts.
const KEPT: Array<[string, string, Shape]> = [
  ['Google authorize', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=123.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&response_type=code&scope=openid%20email&state=xyz&code_challenge=abc&code_challenge_method=S256', 'authorize'],
  ['Google discovery', 'https://accounts.google.com/.well-known/openid-configuration', 'metadata'],
  ['Google JWKS', 'https://www.googleapis.com/oauth2/v3/certs', 'metadata'],
  ['Google token (URL only)', 'https://oauth2.googleapis.com/token', 'endpoint'],
  ['Google userinfo', 'https://openidconnect.googleapis.com/v1/userinfo', 'endpoint'],
  ['Entra authorize', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=6731de76-14a6-49ae-97bc-6eba6914391e&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A3000&response_mode=fragment&scope=openid&state=12345&nonce=678910', 'authorize'],
  ['Entra discovery', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration', 'metadata'],
  ['Entra keys', 'https://login.microsoftonline.com/common/discovery/v2.0/keys', 'endpoint'],
  ['Entra logout', 'https://login.microsoftonline.com/common/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fapp.example.com', 'endpoint'],
  ['Okta authorize', 'https://dev-123456.okta.com/oauth2/default/v1/authorize?client_id=0oa1&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fapp.example.com%2Flogin%2Fcallback&state=s1&code_challenge=c&code_challenge_method=S256', 'authorize'],
  ['Okta keys', 'https://dev-123456.okta.com/oauth2/default/v1/keys', 'endpoint'],
  ['Auth0 authorize', 'https://tenant.eu.auth0.com/authorize?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=openid%20profile&state=st&nonce=n', 'authorize'],
  ['Auth0 JWKS', 'https://tenant.eu.auth0.com/.well-known/jwks.json', 'metadata'],
  ['Auth0 universal login', 'https://tenant.eu.auth0.com/u/login?state=hKFo2SB', 'endpoint'],
  ['Keycloak authorize', 'https://sso.example.org/realms/demo/protocol/openid-connect/auth?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.org%2F&state=a&nonce=b', 'authorize'],
  ['Keycloak certs', 'https://sso.example.org/realms/demo/protocol/openid-connect/certs', 'metadata'],
  ['Keycloak end-session', 'https://sso.example.org/realms/demo/protocol/openid-connect/logout?id_token_hint=eyJ&post_logout_redirect_uri=https%3A%2F%2Fapp.example.org', 'endpoint'],
  ['GitHub authorize', 'https://github.com/login/oauth/authorize?client_id=Iv1.abc&redirect_uri=https%3A%2F%2Fapp.example.com%2Fauth%2Fgithub%2Fcallback&scope=read%3Auser&state=st', 'endpoint'],
  ['GitHub token', 'https://github.com/login/oauth/access_token', 'endpoint'],
  ['GitHub callback', 'https://app.example.com/auth/github/callback?code=3584d83530557fdd1f46&state=st', 'callback'],
  ['query callback with iss', 'https://app.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&iss=https%3A%2F%2Fas.example.com', 'callback'],
  ['error callback', 'https://app.example.com/cb?error=access_denied&state=xyz', 'callback'],
  ['implicit fragment callback', 'https://app.example.com/cb#access_token=eyJ&token_type=Bearer&state=xyz&expires_in=3600', 'callback'],
  ['hybrid fragment callback', 'https://app.example.com/cb#code=abc&id_token=eyJ&state=xyz', 'callback'],
  ['PAR request_uri authorize', 'https://as.example.com/authorize?client_id=c&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Abwc4', 'authorize'],
  ['generic discovery', 'https://id.example.net/.well-known/oauth-authorization-server/tenant1', 'metadata'],
  ['generic userinfo', 'https://id.example.net/connect/userinfo', 'endpoint'],
];

const DROPPED: Array<[string, string]> = [
  ['news article', 'https://www.example-news.com/world/2025/03/01/story.html'],
  ['search', 'https://www.google.com/search?q=oauth+state+parameter&client=firefox-b-d'],
  ['analytics collect', 'https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=123.456&en=page_view'],
  ['API call', 'https://api.example.com/v2/orders?page=2&limit=50'],
  ['client_id without response_type (maps API key)', 'https://maps.example.com/api/js?client_id=gme-foo&v=3'],
  ['code without state (promo page)', 'https://shop.example.com/redeem?code=SPRING25'],
  ['github repository page', 'https://github.com/panva/oauth4webapi/blob/main/src/index.ts'],
  ['home page', 'https://app.example.com/'],
];

describe('shapeOfUrl', () => {
  it.each(KEPT)('keeps %s', (_name, url, shape) => {
    expect(shapeOfUrl(url)).toBe(shape);
  });

  it.each(DROPPED)('drops %s', (_name, url) => {
    expect(shapeOfUrl(url)).toBeNull();
  });

  it('ignores non-http schemes', () => {
    expect(shapeOfUrl('chrome-extension://abc/cb?code=1&state=2')).toBeNull();
    expect(shapeOfUrl('data:text/html,?code=1&state=2')).toBeNull();
  });
});

describe('shapeOfBody / shapeOfRequest', () => {
  it('keeps a token request by its grant_type form field', () => {
    expect(shapeOfRequest('https://oauth2.example.com/v1/exchange', 'POST', form({ grant_type: 'authorization_code', code: 'c', code_verifier: 'v' }))).toBe('token');
  });

  it('keeps a form_post callback (code + state in the body)', () => {
    expect(shapeOfRequest('https://app.example.com/signin-oidc', 'POST', form({ code: 'c', state: 's', session_state: 'x' }))).toBe('callback');
  });

  it('keeps a JSON token request read from raw bytes', () => {
    expect(shapeOfBody(raw('{"grant_type":"refresh_token","refresh_token":"r","client_id":"c"}'))).toBe('token');
  });

  it('keeps an urlencoded raw body', () => {
    expect(shapeOfBody(raw('client_id=c&grant_type=client_credentials'))).toBe('token');
  });

  it('keeps a PAR body (client_id + response_type)', () => {
    expect(shapeOfRequest('https://as.example.com/par', 'POST', form({ client_id: 'c', response_type: 'code', redirect_uri: 'https://a/cb' }))).toBe('authorize');
  });

  it('drops an ordinary form POST', () => {
    expect(shapeOfRequest('https://shop.example.com/cart', 'POST', form({ sku: '1', qty: '2' }))).toBeNull();
    expect(shapeOfBody(raw('{"event":"click","code":"abc"}'))).toBeNull();
  });
});

describe('resource types and provider patterns', () => {
  it('never keeps images, styles, scripts or fonts', () => {
    for (const type of ['image', 'stylesheet', 'script', 'font', 'media', 'ping']) expect(isIgnoredType(type)).toBe(true);
    for (const type of ['main_frame', 'sub_frame', 'xmlhttprequest', 'other']) expect(isIgnoredType(type)).toBe(false);
  });

  it('compiles every provider pattern, each matching its own kind of URL shape', () => {
    const shapes = PROVIDER_PROFILES.flatMap((p) => [...p.urls, ...(p.customDomainUrls ?? [])]);
    for (const [, source] of shapes) expect(() => new RegExp(source)).not.toThrow();
    expect(shapes.length).toBeGreaterThan(100);
    expect(matchesProviderPattern('https://tenant.b2clogin.com/tenant.onmicrosoft.com/B2C_1_signin/oauth2/v2.0/authorize?')).toBe(true);
    expect(matchesProviderPattern('https://www.example.com/about')).toBe(false);
  });
});
