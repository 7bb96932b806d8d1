import type { ProviderProfile } from './profile';

/**
 * Provider profiles: the one source of provider knowledge. The capture prefilter keeps requests
 * that match any URL shape (lib/capture/prefilter.ts); classification labels steps by the shapes
 * that identify a provider (lib/flow/classify.ts); the analysis names the provider of a flow,
 * silences the deviations it is documented for (reported once as info by
 * provider-known-deviation) and puts the provider's own console path in the fix of the most
 * common failures (lib/checks/engine.ts). URL shapes were first written from the providers'
 * endpoint documentation; each deviation and fix cites the page that states it.
 */
export const PROVIDER_PROFILES: readonly ProviderProfile[] = [
  {
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
  },
  {
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
  },
  {
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
    ],
  },
  {
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
  },
  {
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
    },
    fixes: {
      'redirect-uri-not-registered': {
        where: 'Auth0 Dashboard → Applications → your application → Settings → Application URIs → "Allowed Callback URLs": add {redirect_uri} (comma-separated list), then Save Changes.',
        source: 'https://auth0.com/docs/get-started/applications/application-settings',
      },
    },
  },
  {
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
    fixes: {
      'redirect-uri-not-registered': {
        where: 'Keycloak admin console → your realm → Clients → {client_id} → Settings → Access settings → "Valid redirect URIs": add {redirect_uri} (Keycloak answers "Invalid parameter: redirect_uri" otherwise).',
        source: 'https://www.keycloak.org/docs/latest/server_admin/#_clients',
      },
    },
  },
  {
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
  },
  {
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
    ],
  },
  {
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
    },
    fixes: {
      'redirect-uri-not-registered': {
        where: 'Amazon Cognito console → User pools → your pool → App clients → your app client → Login pages → "Allowed callback URLs": add {redirect_uri}; the match is exact and case-sensitive, and Cognito shows /error?error=redirect_mismatch otherwise.',
        source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html',
      },
    },
  },
  {
    id: 'supabase',
    name: 'Supabase Auth',
    urls: [
      ['broker_authorize', '^https://[a-z0-9]+\\.supabase\\.co/auth/v1/authorize(?:[?#]|$)'],
      ['broker_callback', '^https://[a-z0-9]+\\.supabase\\.co/auth/v1/callback(?:[?#]|$)'],
      ['token', '^https://[a-z0-9]+\\.supabase\\.co/auth/v1/token(?:[?#]|$)'],
      ['user_api', '^https://[a-z0-9]+\\.supabase\\.co/auth/v1/user(?:[?#]|$)'],
    ],
    customDomainUrls: [
      ['broker_authorize', '/auth/v1/authorize(?:[?#]|$)'],
      ['broker_callback', '/auth/v1/callback(?:[?#]|$)'],
    ],
    broker: {
      marker: ['provider'],
      redirectParam: 'redirect_to',
      source: 'https://github.com/supabase/auth#readme (GET /authorize: provider=, redirect_to= checked against SITE_URL and URI_ALLOW_LIST) ; https://supabase.com/docs/guides/auth/social-login/auth-github (the provider calls back https://<project-ref>.supabase.co/auth/v1/callback)',
    },
    sessionExchange: {
      url: '/auth/v1/token\\?(?:[^#]*&)?grant_type=pkce(?:[&#]|$)',
      grantType: 'pkce',
      codeParam: 'auth_code',
      source: 'https://supabase.com/docs/reference/javascript/auth-exchangecodeforsession ; https://supabase.com/docs/guides/auth/sessions/pkce-flow',
    },
    deviations: [
      {
        id: 'broker-authorize',
        says: "Supabase Auth's /auth/v1/authorize takes provider= and redirect_to= and no client_id or response_type: the Supabase project is the OAuth client of the upstream provider and sends the browser back to redirect_to.",
        source: 'https://github.com/supabase/auth#readme',
      },
      {
        id: 'pkce-method-any-case',
        says: 'supabase-js sends code_challenge_method=s256 in lower case, and Supabase Auth reads the method in any case.',
        source: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration ("setting code_challenge_method to s256"); supabase/auth internal/models/flow_state.go ParseCodeChallengeMethod (strings.ToLower)',
      },
      {
        id: 'session-exchange',
        says: 'supabase-js redeems the code with POST /auth/v1/token?grant_type=pkce and a JSON body {auth_code, code_verifier}: Supabase\'s own session API, not an RFC 6749 token request.',
        source: 'https://supabase.com/docs/reference/javascript/auth-exchangecodeforsession',
      },
    ],
    fixes: {
      'redirect-uri-not-registered': {
        where: 'Supabase Dashboard → your project → Authentication → URL Configuration → "Redirect URLs": add {redirect_uri} (otherwise Supabase falls back to the Site URL). The upstream provider\'s console must list https://<project-ref>.supabase.co/auth/v1/callback.',
        source: 'https://supabase.com/docs/guides/auth/redirect-urls',
      },
    },
  },
  {
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
  },
  {
    id: 'login-with-amazon',
    name: 'Login with Amazon',
    urls: [
      ['authorize', '^https://www\\.amazon\\.(?:com|co\\.uk|de|fr|es|it|co\\.jp|ca|com\\.au|in)/ap/oa(?:[?#]|$)'],
      ['token', '^https://api\\.amazon\\.(?:com|co\\.uk|co\\.jp)/auth/o2/token(?:[?#]|$)'],
      ['profile', '^https://api\\.amazon\\.com/user/profile(?:[?#]|$)'],
    ],
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
    urls: [
      ['authorize', '^https://www\\.linkedin\\.com/oauth/v2/authorization(?:[?#]|$)'],
      ['token', '^https://www\\.linkedin\\.com/oauth/v2/accessToken(?:[?#]|$)'],
      ['userinfo', '^https://api\\.linkedin\\.com/v2/userinfo(?:[?#]|$)'],
      ['discovery', '^https://www\\.linkedin\\.com/oauth/\\.well-known/openid-configuration(?:[?#]|$)'],
    ],
  },
  {
    id: 'x',
    name: 'X (Twitter)',
    urls: [
      ['authorize', '^https://(?:twitter|x)\\.com/i/oauth2/authorize(?:[?#]|$)'],
      ['token', '^https://api\\.(?:twitter|x)\\.com/2/oauth2/token(?:[?#]|$)'],
      ['revocation', '^https://api\\.(?:twitter|x)\\.com/2/oauth2/revoke(?:[?#]|$)'],
    ],
  },
  {
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
  },
  {
    id: 'discord',
    name: 'Discord',
    urls: [
      ['authorize', '^https://discord\\.com/(?:api/(?:v\\d+/)?)?oauth2/authorize(?:[?#]|$)'],
      ['token', '^https://discord\\.com/api/(?:v\\d+/)?oauth2/token(?:[?#]|$)'],
      ['revocation', '^https://discord\\.com/api/(?:v\\d+/)?oauth2/token/revoke(?:[?#]|$)'],
    ],
  },
];
