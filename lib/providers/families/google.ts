import type { ProviderProfile } from '../profile';

/**
 * Google accounts and Google Cloud OAuth clients. Each deviation and fix cites the provider's page
 * that states it.
 */

export const google: ProviderProfile = {
  id: 'google',
  name: 'Google',
  urls: [
    ['site', '^https://(?:[^/]+\\.)?(?:google\\.com|googleapis\\.com)(?:[:/?#]|$)'],
    ['authorize', '^https://accounts\\.google\\.com/o/oauth2/v2/auth(?:[?#]|$)'],
    ['authorize', '^https://accounts\\.google\\.com/o/oauth2/auth(?:[?#]|$)'],
    ['token', '^https://oauth2\\.googleapis\\.com/token(?:[?#]|$)'],
    ['token', '^https://www\\.googleapis\\.com/oauth2/v4/token(?:[?#]|$)'],
    ['token', '^https://accounts\\.google\\.com/o/oauth2/token(?:[?#]|$)'],
    ['discovery', '^https://accounts\\.google\\.com/\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '^https://www\\.googleapis\\.com/oauth2/v3/certs(?:[?#]|$)'],
    ['userinfo', '^https://openidconnect\\.googleapis\\.com/v1/userinfo(?:[?#]|$)'],
    ['userinfo', '^https://www\\.googleapis\\.com/oauth2/v3/userinfo(?:[?#]|$)'],
    ['revocation', '^https://oauth2\\.googleapis\\.com/revoke(?:[?#]|$)'],
    ['device_authorization', '^https://oauth2\\.googleapis\\.com/device/code(?:[?#]|$)'],
    ['error_page', '^https://accounts\\.google\\.com/signin/oauth/error'],
  ],
  fixes: {
    'redirect-uri-not-registered': {
      where: 'Google Cloud console → APIs & Services → Credentials → OAuth 2.0 Client IDs → your client (type "Web application") → "Authorized redirect URIs": add {redirect_uri} exactly (scheme, host, port, path and trailing slash).',
      source: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingcred',
    },
  },
};
