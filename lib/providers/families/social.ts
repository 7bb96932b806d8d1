import type { ProviderProfile } from '../profile';

/**
 * Consumer sign-in providers: Apple, Facebook, LinkedIn, X, Slack, Discord. Each deviation and fix
 * cites the provider's page that states it.
 */

export const apple: ProviderProfile = {
  id: 'apple',
  name: 'Sign in with Apple',
  urls: [
    ['site', '^https://appleid\\.apple\\.com(?:[:/?#]|$)'],
    ['authorize', '^https://appleid\\.apple\\.com/auth/authorize(?:[?#]|$)'],
    ['token', '^https://appleid\\.apple\\.com/auth/token(?:[?#]|$)'],
    ['discovery', '^https://appleid\\.apple\\.com/\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '^https://appleid\\.apple\\.com/auth/keys(?:[?#]|$)'],
    ['revocation', '^https://appleid\\.apple\\.com/auth/revoke(?:[?#]|$)'],
  ],
  deviations: [
    {
      id: 'form-post-for-name-and-email',
      says: 'Sign in with Apple requires response_mode=form_post when the name or email scope is requested, and sends the user\'s name and email only on the first authorization.',
      source: 'https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_js/incorporating_sign_in_with_apple_into_other_platforms',
    },
    {
      id: 'id-token-without-openid-scope',
      says: 'Sign in with Apple takes only name and email as scope values (one, both or none) and returns an ID Token on every authorization: "openid" is not needed.',
      source: 'https://developer.apple.com/documentation/signinwithapplerestapi/request-an-authorization-to-the-sign-in-with-apple-server. (scope: name, email) ; https://developer.apple.com/forums/thread/118209 (Apple DTS: "You can request one, both, or none")',
    },
  ],
};

export const facebook: ProviderProfile = {
  id: 'facebook',
  name: 'Facebook',
  urls: [
    ['authorize', '^https://(?:www|web|m)\\.facebook\\.com/(?:v\\d+\\.\\d+/)?dialog/oauth(?:[?#]|$)'],
    ['authorize', '^https://(?:api|www)\\.instagram\\.com/oauth/authorize(?:[?#]|$)'],
    ['token', '^https://graph\\.facebook\\.com/(?:v\\d+\\.\\d+/)?oauth/access_token(?:[?#]|$)'],
    ['token', '^https://api\\.instagram\\.com/oauth/access_token(?:[?#]|$)'],
    ['debug_token', '^https://graph\\.facebook\\.com/(?:v\\d+\\.\\d+/)?debug_token(?:[?#]|$)'],
    ['discovery_limited_login', '^https://www\\.facebook\\.com/\\.well-known/openid-configuration/?(?:[?#]|$)'],
    ['jwks_limited_login', '^https://www\\.facebook\\.com/\\.well-known/oauth/openid/jwks/?(?:[?#]|$)'],
  ],
  deviations: [
    {
      id: 'authorize-without-response-type',
      says: "Facebook's Login dialog (dialog/oauth) makes response_type optional and defaults to code.",
      source: 'https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow',
    },
  ],
};

export const linkedin: ProviderProfile = {
  id: 'linkedin',
  name: 'LinkedIn',
  urls: [
    ['authorize', '^https://www\\.linkedin\\.com/oauth/v2/authorization(?:[?#]|$)'],
    ['token', '^https://www\\.linkedin\\.com/oauth/v2/accessToken(?:[?#]|$)'],
    ['userinfo', '^https://api\\.linkedin\\.com/v2/userinfo(?:[?#]|$)'],
    ['discovery', '^https://www\\.linkedin\\.com/oauth/\\.well-known/openid-configuration(?:[?#]|$)'],
  ],
  deviations: [
    {
      id: 'web-flow-without-pkce',
      says: "LinkedIn's authorization code flow for web apps (3-legged OAuth, and Sign In with LinkedIn using OpenID Connect) takes no code_challenge: the app is a confidential client that redeems the code with its client_secret. LinkedIn offers PKCE only to native apps, in a separate flow with a loopback redirect_uri that LinkedIn enables per app on request.",
      source: 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow (step 2: response_type, client_id, redirect_uri, state, scope; step 3: client_secret) ; https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow-native ("For native apps that don\'t have a reliable way to keep secrets"; "reach out to your point of contact at LinkedIn, and we will enable PKCE")',
    },
  ],
};

export const x: ProviderProfile = {
  id: 'x',
  name: 'X (Twitter)',
  urls: [
    ['authorize', '^https://(?:twitter|x)\\.com/i/oauth2/authorize(?:[?#]|$)'],
    ['token', '^https://api\\.(?:twitter|x)\\.com/2/oauth2/token(?:[?#]|$)'],
    ['revocation', '^https://api\\.(?:twitter|x)\\.com/2/oauth2/revoke(?:[?#]|$)'],
  ],
};

export const slack: ProviderProfile = {
  id: 'slack',
  name: 'Slack',
  urls: [
    ['authorize', '^https://slack\\.com/oauth/v2/authorize(?:[?#]|$)'],
    ['authorize', '^https://slack\\.com/openid/connect/authorize(?:[?#]|$)'],
    ['authorize', '^https://[^/]+\\.slack\\.com/oauth/v2/authorize(?:[?#]|$)'],
    ['token', '^https://slack\\.com/api/oauth\\.v2\\.access(?:[?#]|$)'],
    ['token', '^https://slack\\.com/api/openid\\.connect\\.token(?:[?#]|$)'],
    ['userinfo', '^https://slack\\.com/api/openid\\.connect\\.userInfo(?:[?#]|$)'],
    ['discovery', '^https://slack\\.com/\\.well-known/openid-configuration(?:[?#]|$)'],
  ],
  deviations: [
    {
      id: 'authorize-without-response-type',
      says: "Slack's oauth/v2/authorize takes no response_type: it only runs the authorization code grant (parameters client_id, scope, user_scope, redirect_uri, state, team).",
      source: 'https://docs.slack.dev/authentication/installing-with-oauth',
    },
  ],
};

export const discord: ProviderProfile = {
  id: 'discord',
  name: 'Discord',
  urls: [
    ['authorize', '^https://discord\\.com/(?:api/(?:v\\d+/)?)?oauth2/authorize(?:[?#]|$)'],
    ['token', '^https://discord\\.com/api/(?:v\\d+/)?oauth2/token(?:[?#]|$)'],
    ['revocation', '^https://discord\\.com/api/(?:v\\d+/)?oauth2/token/revoke(?:[?#]|$)'],
  ],
};
