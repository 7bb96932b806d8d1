import type { ProviderProfile } from '../profile';

/**
 * Workforce identity providers that organisations run for their own apps: Okta, Auth0, Keycloak,
 * Ping, Salesforce. Each deviation and fix cites the provider's page that states it.
 */

export const okta: ProviderProfile = {
  id: 'okta',
  name: 'Okta',
  urls: [
    ['site', '^https://[^/]+\\.(?:okta|oktapreview|okta-emea|okta-gov)\\.com(?:[:/?#]|$)'],
    ['authorize', '^https://[^/]+\\.(?:okta|oktapreview|okta-emea|okta-gov)\\.com/oauth2/(?:[^/?#]+/)?v1/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.(?:okta|oktapreview|okta-emea|okta-gov)\\.com/oauth2/(?:[^/?#]+/)?v1/token(?:[?#]|$)'],
    ['authorize', '/oauth2/(?:[^/?#]+/)?v1/authorize(?:[?#]|$)'],
    ['token', '/oauth2/(?:[^/?#]+/)?v1/token(?:[?#]|$)'],
    ['discovery', '/oauth2/(?:[^/?#]+/)?\\.well-known/(?:openid-configuration|oauth-authorization-server)(?:[?#]|$)'],
    ['jwks', '/oauth2/(?:[^/?#]+/)?v1/keys(?:[?#]|$)'],
    ['userinfo', '/oauth2/(?:[^/?#]+/)?v1/userinfo(?:[?#]|$)'],
    ['end_session', '/oauth2/(?:[^/?#]+/)?v1/logout(?:[?#]|$)'],
    ['revocation', '/oauth2/(?:[^/?#]+/)?v1/revoke(?:[?#]|$)'],
    ['introspection', '/oauth2/(?:[^/?#]+/)?v1/introspect(?:[?#]|$)'],
    ['par', '/oauth2/(?:[^/?#]+/)?v1/par(?:[?#]|$)'],
    ['device_authorization', '/oauth2/(?:[^/?#]+/)?v1/device/authorize(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['discovery', '^https://[^/]+/\\.well-known/openid-configuration(?:[?#]|$)'],
  ],
};

export const auth0: ProviderProfile = {
  id: 'auth0',
  name: 'Auth0',
  urls: [
    ['site', '^https://[^/]+\\.auth0\\.com(?:[:/?#]|$)'],
    ['authorize', '^https://[^/]+\\.(?:[a-z]{2}\\.)?auth0\\.com/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.(?:[a-z]{2}\\.)?auth0\\.com/oauth/token(?:[?#]|$)'],
    ['broker_callback', '^https://[^/]+\\.(?:[a-z]{2}\\.)?auth0\\.com/login/callback(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['authorize', '^https://[^/]+/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+/oauth/token(?:[?#]|$)'],
    ['discovery', '^https://[^/]+/\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '^https://[^/]+/\\.well-known/jwks\\.json(?:[?#]|$)'],
    ['userinfo', '^https://[^/]+/userinfo(?:[?#]|$)'],
    ['end_session', '^https://[^/]+/v2/logout(?:[?#]|$)'],
    ['end_session', '^https://[^/]+/oidc/logout(?:[?#]|$)'],
    ['revocation', '^https://[^/]+/oauth/revoke(?:[?#]|$)'],
    ['device_authorization', '^https://[^/]+/oauth/device/code(?:[?#]|$)'],
    ['par', '^https://[^/]+/oauth/par(?:[?#]|$)'],
    ['universal_login', '^https://[^/]+/u/login'],
  ],
  broker: {
    marker: ['connection'],
    source: 'https://auth0.com/docs/api/authentication/login (GET /authorize with connection: "a 302 redirect to the social provider specified in the connection parameter")',
    callback: 'https://auth0.com/docs/authenticate/identity-providers/social-identity-providers/google and https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/oidc ("Authorized redirect URIs: https://{yourDomain}/login/callback"; with a custom domain https://<YOUR CUSTOM DOMAIN>/login/callback)',
  },
  fixes: {
    'redirect-uri-not-registered': {
      where: 'Auth0 Dashboard → Applications → your application → Settings → Application URIs → "Allowed Callback URLs": add {redirect_uri} (comma-separated list), then Save Changes.',
      source: 'https://auth0.com/docs/get-started/applications/application-settings',
    },
  },
};

export const keycloak: ProviderProfile = {
  id: 'keycloak',
  name: 'Keycloak',
  urls: [
    ['site', '^https?://[^/]+(?:/auth)?/realms/[^/?#]+/'],
    ['authorize', '^https?://[^/]+(?:/[^/?#]+)*?(?:/auth)?/realms/[^/?#]+/protocol/openid-connect/auth(?:[?#]|$)'],
    ['token', '^https?://[^/]+(?:/[^/?#]+)*?(?:/auth)?/realms/[^/?#]+/protocol/openid-connect/token(?:[?#]|$)'],
    ['discovery', '/realms/[^/?#]+/\\.well-known/openid-configuration(?:[?#]|$)'],
    ['jwks', '/realms/[^/?#]+/protocol/openid-connect/certs(?:[?#]|$)'],
    ['userinfo', '/realms/[^/?#]+/protocol/openid-connect/userinfo(?:[?#]|$)'],
    ['end_session', '/realms/[^/?#]+/protocol/openid-connect/logout(?:[?#]|$)'],
    ['revocation', '/realms/[^/?#]+/protocol/openid-connect/revoke(?:[?#]|$)'],
    ['introspection', '/realms/[^/?#]+/protocol/openid-connect/token/introspect(?:[?#]|$)'],
    ['device_authorization', '/realms/[^/?#]+/protocol/openid-connect/auth/device(?:[?#]|$)'],
    ['par', '/realms/[^/?#]+/protocol/openid-connect/ext/par/request(?:[?#]|$)'],
    ['broker_callback', '/realms/[^/?#]+/broker/[^/?#]+/endpoint(?:[?#]|$)'],
    ['login_actions', '/realms/[^/?#]+/login-actions/'],
  ],
  broker: {
    marker: ['kc_idp_hint'],
    source: 'https://www.keycloak.org/docs/latest/server_admin/#_client_suggested_idp ("OIDC applications can bypass the login page by hinting at the identity provider they want to use … the kc_idp_hint query parameter in the Authorization Code Flow authorization endpoint")',
    callback: 'https://www.keycloak.org/docs/latest/server_admin/#_identity_broker_oidc (the identity provider\'s "Redirect URI", http[s]://{host}/realms/{realm}/broker/{alias}/endpoint, to register at the upstream provider)',
  },
  fixes: {
    'redirect-uri-not-registered': {
      where: 'Keycloak admin console → your realm → Clients → {client_id} → Settings → Access settings → "Valid redirect URIs": add {redirect_uri} (Keycloak answers "Invalid parameter: redirect_uri" otherwise).',
      source: 'https://www.keycloak.org/docs/latest/server_admin/#_clients',
    },
  },
};

export const ping: ProviderProfile = {
  id: 'ping',
  name: 'PingFederate / PingOne',
  urls: [
    ['authorize', '^https://[^/]+/as/authorization\\.oauth2(?:[?#]|$)'],
    ['authorize', '^https://auth\\.pingone\\.(?:com|eu|asia|ca|com\\.au)/[0-9a-f-]{36}/as/authorize(?:[?#]|$)'],
    ['token', '^https://[^/]+/as/token\\.oauth2(?:[?#]|$)'],
    ['token', '^https://auth\\.pingone\\.(?:com|eu|asia|ca|com\\.au)/[0-9a-f-]{36}/as/token(?:[?#]|$)'],
    ['userinfo', '/idp/userinfo\\.openid(?:[?#]|$)'],
    ['jwks', '/pf/JWKS(?:[?#]|$)'],
    ['end_session', '/idp/startSLO\\.ping(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['userinfo', '/as/userinfo(?:[?#]|$)'],
    ['jwks', '/as/jwks(?:[?#]|$)'],
    ['end_session', '/as/signoff(?:[?#]|$)'],
    ['par', '/as/par(?:\\.oauth2)?(?:[?#]|$)'],
    ['revocation', '/as/revoke(?:_token\\.oauth2)?(?:[?#]|$)'],
    ['introspection', '/as/introspect(?:\\.oauth2)?(?:[?#]|$)'],
  ],
};

export const salesforce: ProviderProfile = {
  id: 'salesforce',
  name: 'Salesforce',
  urls: [
    ['site', '^https://(?:[^/]+\\.)?(?:salesforce|force)\\.com(?:[:/?#]|$)'],
    ['authorize', '^https://(?:login|test)\\.salesforce\\.com/services/oauth2/authorize(?:[?#]|$)'],
    ['authorize', '^https://[^/]+\\.my\\.salesforce\\.com/services/oauth2/authorize(?:[?#]|$)'],
    ['authorize', '^https://[^/]+\\.(?:my\\.site\\.com|force\\.com)/(?:[^/?#]+/)?services/oauth2/authorize(?:[?#]|$)'],
    ['token', '^https://(?:login|test)\\.salesforce\\.com/services/oauth2/token(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.my\\.salesforce\\.com/services/oauth2/token(?:[?#]|$)'],
    ['token', '^https://[^/]+\\.(?:my\\.site\\.com|force\\.com)/(?:[^/?#]+/)?services/oauth2/token(?:[?#]|$)'],
    ['userinfo', '/services/oauth2/userinfo(?:[?#]|$)'],
    ['revocation', '/services/oauth2/revoke(?:[?#]|$)'],
    ['introspection', '/services/oauth2/introspect(?:[?#]|$)'],
    ['jwks', '^https://(?:login|test)\\.salesforce\\.com/id/keys(?:[?#]|$)'],
    ['end_session', '/services/auth/idp/oidc/logout(?:[?#]|$)'],
  ],
  customDomainUrls: [
    ['jwks', '/id/keys(?:[?#]|$)'],
    ['discovery', '^https://[^/]+/\\.well-known/openid-configuration(?:[?#]|$)'],
  ],
};
