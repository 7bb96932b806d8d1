import type { ProviderProfile } from '../profile';

/**
 * Amazon: Cognito user pools, AWS IAM Identity Center (SSO), Login with Amazon. Each deviation and
 * fix cites the provider's page that states it.
 */

export const cognito: ProviderProfile = {
  id: 'cognito',
  name: 'Amazon Cognito',
  urls: [
    ['site', '^https://[^/]+\\.amazoncognito\\.com(?:[:/?#]|$)'],
    ['authorize', '^https://[^/]+\\.auth(?:-fips)?\\.[a-z0-9-]+\\.amazoncognito\\.com/oauth2/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.auth(?:-fips)?\\.[a-z0-9-]+\\.amazoncognito\\.com/oauth2/token(?:[?#]|$)'],
    ['end_session', '^https://[^/]+\\.auth\\.[a-z0-9-]+\\.amazoncognito\\.com/logout(?:[?#]|$)'],
    ['login_page', '^https://[^/]+\\.auth\\.[a-z0-9-]+\\.amazoncognito\\.com/login(?:[?#]|$)'],
    ['error_page', '^https://[^/]+\\.auth\\.[a-z0-9-]+\\.amazoncognito\\.com/error\\?'],
    ['discovery', '^https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/[^/?#]+/\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '^https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/[^/?#]+/\\.well-known/jwks\\.json(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['authorize', '^https://[^/]+/oauth2/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+/oauth2/token(?:[?#]|$)'],
    ['userinfo', '/oauth2/userInfo(?:[?#]|$)'],
    ['revocation', '/oauth2/revoke(?:[?#]|$)'],
    ['broker_callback', '/oauth2/idpresponse(?:[?#]|$)'],
  ],
  broker: {
    marker: ['identity_provider', 'idp_identifier'],
    source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html ("If you include an identity_provider or idp_identifier parameter in the URL, it silently redirects your user to the sign-in page for that identity provider")',
    callback: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-social-idp.html (the social provider\'s authorized redirect URI is https://<your-user-pool-domain>/oauth2/idpresponse)',
  },
  fixes: {
    'redirect-uri-not-registered': {
      where: 'Amazon Cognito console → User pools → your pool → App clients → your app client → Login pages → "Allowed callback URLs": add {redirect_uri}; the match is exact and case-sensitive, and Cognito shows /error?error=redirect_mismatch otherwise.',
      source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html',
    },
  },
};

export const awsSso: ProviderProfile = {
  id: 'aws-sso',
  name: 'AWS IAM Identity Center',
  urls: [
    ['authorize', '^https://oidc\\.[a-z0-9-]+\\.amazonaws\\.com/authorize(?:[?#]|$)'],
    ['token', '^https://oidc\\.[a-z0-9-]+\\.amazonaws\\.com/token(?:[?#]|$)'],
    ['device_authorization', '^https://oidc\\.[a-z0-9-]+\\.amazonaws\\.com/device_authorization(?:[?#]|$)'],
    ['client_registration', '^https://oidc\\.[a-z0-9-]+\\.amazonaws\\.com/client/register(?:[?#]|$)'],
    ['user_portal', '^https://[^/]+\\.awsapps\\.com/start'],
    ['builder_id_verification', '^https://view\\.awsapps\\.com/start'],
  ],
};

export const loginWithAmazon: ProviderProfile = {
  id: 'login-with-amazon',
  name: 'Login with Amazon',
  urls: [
    ['authorize', '^https://www\\.amazon\\.(?:com|co\\.uk|de|fr|es|it|co\\.jp|ca|com\\.au|in)/ap/oa(?:[?#]|$)'],
    ['token', '^https://api\\.amazon\\.(?:com|co\\.uk|co\\.jp)/auth/o2/token(?:[?#]|$)'],
    ['profile', '^https://api\\.amazon\\.com/user/profile(?:[?#]|$)'],
  ],
};
