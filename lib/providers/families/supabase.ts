import type { ProviderProfile } from '../profile';

/**
 * Supabase Auth: a broker in front of other providers. Each deviation and fix cites the provider's
 * page that states it.
 */

export const supabase: ProviderProfile = {
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
    source: 'https://github.com/supabase/auth#readme (GET /authorize: provider=, redirect_to= checked against SITE_URL and URI_ALLOW_LIST)',
    callback: 'https://supabase.com/docs/guides/auth/social-login/auth-github and https://supabase.com/docs/guides/auth/social-login/auth-google (the upstream provider\'s callback URL is https://<project-ref>.supabase.co/auth/v1/callback)',
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
      id: 'broker-state',
      says: "Supabase Auth's /auth/v1/authorize takes no state from the app: it signs its own state (carrying the PKCE flow's id) for the upstream provider and sends the browser back to redirect_to with ?code= only. The app's protection is its code_challenge, redeemed with the code_verifier.",
      source: 'https://github.com/supabase/auth internal/api/external.go (ExternalProviderRedirect signs ExternalProviderClaims as the upstream state; the PKCE redirect adds only code) ; https://supabase.com/docs/guides/auth/sessions/pkce-flow',
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
};
