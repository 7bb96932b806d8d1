/**
 * The shape of a provider profile (lib/providers/profiles.ts holds the data). One profile per
 * provider carries everything the capture and the analysis know about it: the URL shapes of its
 * endpoints, the deviations from the specs it is known for, and where in its own console each of
 * the most common failures is fixed. Every deviation and fix cites the provider's documentation.
 */

/** Endpoint roles of the URL shapes; only some become step kinds (lib/flow/classify.ts). */
export type UrlRole =
  | 'authorize'
  /** A broker's own authorization hop that is not an OAuth authorization endpoint (Supabase /auth/v1/authorize). */
  | 'broker_authorize'
  | 'token'
  | 'discovery'
  | 'jwks'
  | 'userinfo'
  | 'end_session'
  | 'revocation'
  | 'introspection'
  | 'par'
  | 'device_authorization'
  | 'device_verification'
  | 'error_page'
  | 'error_lookup'
  | 'broker_callback'
  | 'universal_login'
  | 'login_actions'
  | 'login_page'
  | 'user_api'
  | 'profile'
  | 'client_registration'
  | 'user_portal'
  | 'builder_id_verification'
  | 'debug_token'
  | 'discovery_limited_login'
  | 'jwks_limited_login'
  /**
   * Any page on the provider's own hosts (or, for Keycloak, under a realm): where its error texts
   * can come from. Used to tell which provider a plain OAuth error code is from, never to capture
   * or classify a request.
   */
  | 'site';

/** [role, regular expression source]. */
export type UrlShape = readonly [UrlRole, string];

/**
 * Known deviations. Each names the check it would otherwise trip, so that check stays silent and
 * `provider-known-deviation` reports it once as info instead.
 */
export type DeviationId =
  /** The authorization request carries no response_type (the endpoint only does the code grant). */
  | 'authorize-without-response-type'
  /** response_mode=form_post is required when name or email is requested; both arrive only on the first login. */
  | 'form-post-for-name-and-email'
  /** The broker's own authorization hop names the upstream provider and carries no client_id / response_type (Supabase). */
  | 'broker-authorize'
  /** The provider issues an ID Token without "openid" in scope (its scope values are only name and email: Apple). */
  | 'id-token-without-openid-scope'
  /** The broker makes its own state for the upstream provider and sends the app back with the code only: the app's request carries no state, PKCE protects it (Supabase). */
  | 'broker-state'
  /** The web authorization code flow takes no code_challenge: a confidential client authenticated by its client_secret; PKCE only in a separate flow for native apps (LinkedIn). */
  | 'web-flow-without-pkce'
  /** code_challenge_method is sent in lower case ("s256") and accepted in any case. */
  | 'pkce-method-any-case'
  /** The code is redeemed by the provider's own session API (JSON body, its own grant name), not an RFC 6749 token request. */
  | 'session-exchange';

export interface Deviation {
  id: DeviationId;
  /** What the provider does, in one sentence, naming the provider. */
  says: string;
  /** The provider's documentation that states it. */
  source: string;
}

/** Failures people hit most, each fixed in the provider's console (issue 17 point 1). */
export type FixTopic = 'redirect-uri-not-registered' | 'invalid-client' | 'invalid-scope' | 'consent-required' | 'pkce-required' | 'samesite-cookie-lost';

/** The checks whose fix each topic sharpens (lib/checks/engine.ts appends the provider's words). */
export const FIX_TOPIC_CHECKS: Readonly<Record<FixTopic, readonly string[]>> = {
  'redirect-uri-not-registered': ['redirect-uri-not-registered-hint', 'callback-error-elsewhere'],
  'invalid-client': ['error-response-invalid-client'],
  'invalid-scope': ['error-response-invalid-scope'],
  'consent-required': ['error-response-consent-required'],
  'pkce-required': ['pkce-missing'],
  'samesite-cookie-lost': ['samesite-cookie-dropped'],
};

export interface ConsoleFix {
  /**
   * Where to change it, in the provider's own words. `{redirect_uri}` and `{client_id}` are
   * replaced by the flow's values (never secrets).
   */
  where: string;
  /** The provider's documentation for this setting. */
  source: string;
}

/**
 * A broker (Supabase Auth, Auth0, Cognito, Keycloak, Azure AD B2C / Entra External ID) runs the login with another provider on the app's
 * behalf: its authorization hop names that provider and redirects straight to it; the upstream
 * provider returns to the broker, and the broker returns to the app (issue 17 point 7).
 */
export interface BrokerShape {
  // The hop's URL is one of the profile's `authorize` or `broker_authorize` shapes.
  /** Parameters naming the upstream provider or connection; one must be present for the hop to be a broker hop (an authorization request without one may still pick the provider on the broker's own page). */
  marker: readonly string[];
  /** Where the broker returns the browser when it is not `redirect_uri` (Supabase: redirect_to). */
  redirectParam?: string;
  /** The broker's documentation of this hop. */
  source: string;
  /**
   * The broker's documentation of its `broker_callback` shapes: the endpoint of its own where the
   * upstream provider returns (the redirect_uri registered in the upstream provider's console).
   * lib/flow/broker-link.ts links an upstream flow returning there to the app's flow.
   */
  callback: string;
}

/** A provider's own code-for-session call, redeemed like a token request (Supabase: POST /auth/v1/token?grant_type=pkce). */
export interface SessionExchange {
  /** Regular expression source of the call's URL (the host is one of the profile's shapes). */
  url: string;
  /** Its grant name, in the query. */
  grantType: string;
  /** The body member that carries the code (the verifier stays `code_verifier`). */
  codeParam: string;
  source: string;
}

export interface ProviderProfile {
  id: string;
  name: string;
  /** Shapes that identify the provider by themselves (its hosts, or paths only it uses). */
  urls: readonly UrlShape[];
  /** Shapes of custom domains or self-hosted installs: kept by the capture, never proof of the provider. */
  customDomainUrls?: readonly UrlShape[];
  deviations?: readonly Deviation[];
  broker?: BrokerShape;
  sessionExchange?: SessionExchange;
  fixes?: Partial<Record<FixTopic, ConsoleFix>>;
}
