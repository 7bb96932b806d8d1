/**
 * The shape of a provider profile (lib/providers/profiles.ts holds the data). One profile per
 * provider carries everything the capture and the analysis know about it: the URL shapes of its
 * endpoints, the deviations from the specs it is known for, and where in its own console each of
 * the most common failures is fixed. Every deviation and fix cites the provider's documentation.
 */

/** Endpoint roles of the URL shapes; only some become step kinds (lib/flow/classify.ts). */
export type UrlRole =
  | 'authorize'
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
  | 'jwks_limited_login';

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
  | 'form-post-for-name-and-email';

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

export interface ProviderProfile {
  id: string;
  name: string;
  /** Shapes that identify the provider by themselves (its hosts, or paths only it uses). */
  urls: readonly UrlShape[];
  /** Shapes of custom domains or self-hosted installs: kept by the capture, never proof of the provider. */
  customDomainUrls?: readonly UrlShape[];
  deviations?: readonly Deviation[];
  fixes?: Partial<Record<FixTopic, ConsoleFix>>;
}
