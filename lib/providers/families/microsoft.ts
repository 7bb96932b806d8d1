import type { ProviderProfile } from '../profile';

/**
 * Microsoft Entra ID (v1 and v2 endpoints, national clouds) and its customer-facing variants
 * (Azure AD B2C, Entra External ID). Each deviation and fix cites the provider's page that states
 * it.
 */

export const entra: ProviderProfile = {
  id: 'entra',
  name: 'Microsoft Entra ID',
  urls: [
    ['authorize', '^https://login\\.(?:microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn|chinacloudapi\\.cn|windows\\.net|microsoft\\.com)/[^/?#]+/oauth2/(?:v2\\.0/)?authorize(?:[?#]|$)'],
    ['token', '^https://login\\.(?:microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn|chinacloudapi\\.cn|windows\\.net|microsoft\\.com)/[^/?#]+/oauth2/(?:v2\\.0/)?token(?:[?#]|$)'],
    ['discovery', '^https://login\\.(?:microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn)/[^/?#]+/(?:v2\\.0/)?\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '^https://login\\.(?:microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn)/[^/?#]+/discovery/(?:v2\\.0/)?keys(?:[?#]|$)'],
    ['jwks', '^https://login\\.microsoftonline\\.com/common/discovery/keys(?:[?#]|$)'],
    ['userinfo', '^https://graph\\.microsoft\\.com/oidc/userinfo(?:[?#]|$)'],
    ['end_session', '^https://login\\.(?:microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn)/[^/?#]+/oauth2/(?:v2\\.0/)?logout(?:[?#]|$)'],
    ['device_authorization', '^https://login\\.(?:microsoftonline\\.com|microsoftonline\\.us|partner\\.microsoftonline\\.cn)/[^/?#]+/oauth2/(?:v2\\.0/)?devicecode(?:[?#]|$)'],
    ['error_lookup', '^https://login\\.microsoftonline\\.com/error\\?code=\\d+'],
  ],
  fixes: {
    'redirect-uri-not-registered': {
      where: 'Microsoft Entra admin center → App registrations → your app → Authentication → Platform configurations → Web (or Single-page application, matching how the app redeems the code) → Redirect URIs: add {redirect_uri}.',
      source: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-redirect-uri',
    },
  },
};

export const entraExternal: ProviderProfile = {
  id: 'entra-external',
  name: 'Azure AD B2C / Entra External ID',
  urls: [
    ['authorize', '^https://[^/]+\\.b2clogin\\.com/[^/?#]+/(?:[^/?#]+/)?oauth2/v2\\.0/authorize(?:[?#]|$)'],
    ['authorize', '^https://[^/]+\\.ciamlogin\\.com/[^/?#]+/(?:[^/?#]+/)?oauth2/v2\\.0/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.b2clogin\\.com/[^/?#]+/(?:[^/?#]+/)?oauth2/v2\\.0/token(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.ciamlogin\\.com/[^/?#]+/(?:[^/?#]+/)?oauth2/v2\\.0/token(?:[?#]|$)'],
    ['discovery', '^https://[^/]+\\.(?:b2clogin|ciamlogin)\\.com/.+/\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '^https://[^/]+\\.(?:b2clogin|ciamlogin)\\.com/.+/discovery/v2\\.0/keys(?:[?#]|$)'],
    ['end_session', '^https://[^/]+\\.(?:b2clogin|ciamlogin)\\.com/.+/oauth2/v2\\.0/logout(?:[?#]|$)'],
    // One shape per host: the capture's gate needs a text every match contains (lib/providers/required-literal.ts).
    ['broker_callback', '^https://[^/]+\\.b2clogin\\.com/[^/?#]+/(?:oauth2/authresp|federation/(?:oauth2|oidc/[^?#]+))(?:[?#]|$)'],
    ['broker_callback', '^https://[^/]+\\.ciamlogin\\.com/[^/?#]+/(?:oauth2/authresp|federation/(?:oauth2|oidc/[^?#]+))(?:[?#]|$)'],
  ],
  broker: {
    marker: ['domain_hint'],
    source: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/direct-signin ("Redirect sign-in to a social provider": domain_hint=google.com skips the sign-in page)',
    callback: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/identity-provider-google (Google\'s authorized redirect URI https://your-tenant-name.b2clogin.com/your-tenant-name.onmicrosoft.com/oauth2/authresp) ; https://learn.microsoft.com/en-us/entra/external-id/customers/how-to-google-federation-customers (https://<tenant>.ciamlogin.com/<tenant>/federation/oauth2 and …/federation/oidc/accounts.google.com)',
  },
};
