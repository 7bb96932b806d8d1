/**
 * URL shapes of well-known providers (as the providers document their endpoints; data in lib/capture/provider-patterns.ts), reduced to what
 * classification needs. Parameters still decide the label; these only raise confidence where
 * parameters are absent (docs/architecture.md "Classifying hops": custom domains make host matching unreliable).
 */
export type EndpointRole = 'authorize' | 'token' | 'discovery' | 'jwks' | 'userinfo' | 'end_session' | 'revocation' | 'device_authorization';

const PATTERNS: ReadonlyArray<readonly [EndpointRole, RegExp]> = [
  ['authorize', /^https:\/\/accounts\.google\.com\/o\/oauth2\/(?:v2\/)?auth(?:[?#]|$)/],
  ['token', /^https:\/\/(?:oauth2|www)\.googleapis\.com\/(?:oauth2\/v4\/)?token(?:[?#]|$)/],
  ['userinfo', /^https:\/\/(?:openidconnect|www)\.googleapis\.com\/(?:v1|oauth2\/v3)\/userinfo(?:[?#]|$)/],
  ['jwks', /^https:\/\/www\.googleapis\.com\/oauth2\/v3\/certs(?:[?#]|$)/],
  ['authorize', /^https:\/\/login\.(?:microsoftonline\.com|microsoftonline\.us|partner\.microsoftonline\.cn|microsoft\.com)\/[^/?#]+\/oauth2\/(?:v2\.0\/)?authorize(?:[?#]|$)/],
  ['token', /^https:\/\/login\.(?:microsoftonline\.com|microsoftonline\.us|partner\.microsoftonline\.cn|microsoft\.com)\/[^/?#]+\/oauth2\/(?:v2\.0\/)?token(?:[?#]|$)/],
  ['end_session', /^https:\/\/login\.(?:microsoftonline\.com|microsoftonline\.us)\/[^/?#]+\/oauth2\/(?:v2\.0\/)?logout(?:[?#]|$)/],
  ['jwks', /^https:\/\/login\.microsoftonline\.com\/[^/?#]+\/discovery\/(?:v2\.0\/)?keys(?:[?#]|$)/],
  ['userinfo', /^https:\/\/graph\.microsoft\.com\/oidc\/userinfo(?:[?#]|$)/],
  ['authorize', /^https:\/\/[^/]+\.b2clogin\.com\/[^?#]+\/oauth2\/v2\.0\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/[^/]+\.b2clogin\.com\/[^?#]+\/oauth2\/v2\.0\/token(?:[?#]|$)/],
  // Okta: org and custom authorization servers.
  ['authorize', /^https:\/\/[^/]+\/oauth2\/(?:[^/?#]+\/)?v1\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/[^/]+\/oauth2\/(?:[^/?#]+\/)?v1\/token(?:[?#]|$)/],
  ['userinfo', /^https:\/\/[^/]+\/oauth2\/(?:[^/?#]+\/)?v1\/userinfo(?:[?#]|$)/],
  ['jwks', /^https:\/\/[^/]+\/oauth2\/(?:[^/?#]+\/)?v1\/keys(?:[?#]|$)/],
  ['end_session', /^https:\/\/[^/]+\/oauth2\/(?:[^/?#]+\/)?v1\/logout(?:[?#]|$)/],
  ['revocation', /^https:\/\/[^/]+\/oauth2\/(?:[^/?#]+\/)?v1\/revoke(?:[?#]|$)/],
  // Auth0.
  ['authorize', /^https:\/\/[^/]+\.auth0\.com\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/[^/]+\.auth0\.com\/oauth\/token(?:[?#]|$)/],
  ['userinfo', /^https:\/\/[^/]+\.auth0\.com\/userinfo(?:[?#]|$)/],
  ['end_session', /^https:\/\/[^/]+\.auth0\.com\/(?:v2\/logout|oidc\/logout)(?:[?#]|$)/],
  // Keycloak.
  ['authorize', /^https?:\/\/[^/]+(?:\/auth)?\/realms\/[^/?#]+\/protocol\/openid-connect\/auth(?:[?#]|$)/],
  ['token', /^https?:\/\/[^/]+(?:\/auth)?\/realms\/[^/?#]+\/protocol\/openid-connect\/token(?:[?#]|$)/],
  ['userinfo', /^https?:\/\/[^/]+(?:\/auth)?\/realms\/[^/?#]+\/protocol\/openid-connect\/userinfo(?:[?#]|$)/],
  ['jwks', /^https?:\/\/[^/]+(?:\/auth)?\/realms\/[^/?#]+\/protocol\/openid-connect\/certs(?:[?#]|$)/],
  ['end_session', /^https?:\/\/[^/]+(?:\/auth)?\/realms\/[^/?#]+\/protocol\/openid-connect\/logout(?:[?#]|$)/],
  // GitHub.
  ['authorize', /^https:\/\/github\.com\/login\/oauth\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/github\.com\/login\/oauth\/access_token(?:[?#]|$)/],
  ['device_authorization', /^https:\/\/github\.com\/login\/device\/code(?:[?#]|$)/],
  // Amazon Cognito hosted UI.
  ['authorize', /^https:\/\/[^/]+\.amazoncognito\.com\/oauth2\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/[^/]+\.amazoncognito\.com\/oauth2\/token(?:[?#]|$)/],
  ['userinfo', /^https:\/\/[^/]+\.amazoncognito\.com\/oauth2\/userInfo(?:[?#]|$)/],
  ['end_session', /^https:\/\/[^/]+\.amazoncognito\.com\/logout(?:[?#]|$)/],
  // Salesforce.
  ['authorize', /^https:\/\/[^/]+\.(?:salesforce|force)\.com\/services\/oauth2\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/[^/]+\.(?:salesforce|force)\.com\/services\/oauth2\/token(?:[?#]|$)/],
  ['userinfo', /^https:\/\/[^/]+\.(?:salesforce|force)\.com\/services\/oauth2\/userinfo(?:[?#]|$)/],
  // Apple.
  ['authorize', /^https:\/\/appleid\.apple\.com\/auth\/authorize(?:[?#]|$)/],
  ['token', /^https:\/\/appleid\.apple\.com\/auth\/token(?:[?#]|$)/],
  ['jwks', /^https:\/\/appleid\.apple\.com\/auth\/keys(?:[?#]|$)/],
  // Generic path shapes last: every provider's well-known documents.
  ['discovery', /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(?:[/?#]|$)/],
];

/**
 * Most URLs of a capture match no pattern. The `^`-anchored ones, joined into one alternation
 * under an outer `^`, are rejected in a single test that only looks at the start of the URL;
 * the few unanchored ones are tried as they are. Only used when no pattern has flags, so "the
 * union matches" is exactly "one of the patterns matches" (bench/analyze.ts: ~3× faster).
 */
const ANCHORED = PATTERNS.filter(([, p]) => p.source.startsWith('^')).map(([, p]) => `(?:${p.source})`);
const FLOATING = PATTERNS.filter(([, p]) => !p.source.startsWith('^')).map(([, p]) => p);
const ANY_ANCHORED: RegExp | null = PATTERNS.every(([, p]) => p.flags === '') ? new RegExp(`^(?:${ANCHORED.join('|')})`) : null;

function matchesNone(url: string): boolean {
  return ANY_ANCHORED !== null && !ANY_ANCHORED.test(url) && !FLOATING.some((p) => p.test(url));
}

export function providerRole(url: string): EndpointRole | null {
  if (matchesNone(url)) return null;
  for (const [role, pattern] of PATTERNS) if (pattern.test(url)) return role;
  return null;
}
