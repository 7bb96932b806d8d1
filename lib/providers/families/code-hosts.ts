import type { ProviderProfile } from '../profile';

/**
 * Code hosts whose OAuth Apps many developer tools sign in with: GitHub and GitLab. Each deviation
 * and fix cites the provider's page that states it.
 */

export const github: ProviderProfile = {
  id: 'github',
  name: 'GitHub',
  urls: [
    ['site', '^https://(?:api\\.)?github\\.com(?:[:/?#]|$)'],
    ['authorize', '^https://github\\.com/login/oauth/authorize(?:[?#]|$)'],
    ['token', '^https://github\\.com/login/oauth/access_token(?:[?#]|$)'],
    ['device_authorization', '^https://github\\.com/login/device/code(?:[?#]|$)'],
    ['device_verification', '^https://github\\.com/login/device(?:[?#]|$)'],
    ['user_api', '^https://api\\.github\\.com/user(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['authorize', '^https://[^/]+/login/oauth/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+/login/oauth/access_token(?:[?#]|$)'],
  ],
  deviations: [
    {
      id: 'authorize-without-response-type',
      says: "GitHub's authorize endpoint takes no response_type: it only runs the authorization code grant (parameters client_id, redirect_uri, login, scope, state, allow_signup, prompt).",
      source: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
    },
  ],
  fixes: {
    'redirect-uri-not-registered': {
      where: 'GitHub → Settings → Developer settings → OAuth Apps → your app → "Authorization callback URL": set it to {redirect_uri} (an OAuth App has one callback URL; a redirect_uri must be that URL or a subdirectory of it, same host and port). GitHub sends error=redirect_uri_mismatch to that registered URL, not to the one the request named.',
      source: 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors',
    },
  },
};

export const gitlab: ProviderProfile = {
  id: 'gitlab',
  name: 'GitLab',
  urls: [
    ['authorize', '^https://gitlab\\.com/oauth/authorize(?:[?#]|$)'],
    ['token', '^https://gitlab\\.com/oauth/token(?:[?#]|$)'],
    ['discovery', '^https://gitlab\\.com/\\.well-known/openid-configuration(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['authorize', '^https://[^/]+/oauth/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+/oauth/token(?:[?#]|$)'],
    ['userinfo', '/oauth/userinfo(?:[?#]|$)'],
    ['jwks', '/oauth/discovery/keys(?:[?#]|$)'],
    ['revocation', '/oauth/revoke(?:[?#]|$)'],
    ['device_authorization', '/oauth/authorize_device(?:[?#]|$)'],
  ],
};
