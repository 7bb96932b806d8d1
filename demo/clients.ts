/**
 * Client registrations of the demo provider. Redirect URIs are registered for both host names of
 * the sample app (127.0.0.1 and localhost): cookies ignore ports, so the two names are the only
 * way to make the app and the provider two different sites on one machine.
 */
export const CLIENT_IDS = {
  /** Confidential web app: code + PKCE, server-side exchange with client_secret_basic. */
  web: 'demo-web',
  /** Confidential web app using response_mode=form_post and client_secret_post. */
  formPost: 'demo-form-post',
  /** Public single-page app: code + PKCE S256, token request from the browser (no secret). */
  spa: 'demo-spa',
  /** A confidential client whose (wrong) secret ships in browser code: for invalid_client. */
  browserConfidential: 'demo-browser-confidential',
  /** Legacy implicit client ('id_token token' / 'id_token'), native type with a loopback redirect. */
  implicit: 'demo-implicit',
} as const;

export const CLIENT_SECRETS = {
  web: 'demo-web-secret-3b7f1e9c',
  formPost: 'demo-form-post-secret-8d2a64f0',
  browserConfidential: 'demo-browser-secret-5e0c7a21',
} as const;

/** Redirect paths on the sample app. */
export const RP_PATHS = {
  web: '/cb/web',
  /** Registered for demo-web; the provider's "tampering intermediary" rewrites state on it. */
  proxied: '/cb/proxied',
  /** Never registered: used to show the provider's redirect_uri error page. */
  unregistered: '/cb/unregistered',
  formPost: '/cb/form',
  spa: '/spa/cb',
  spaPopup: '/spa/popup-cb',
  spaSilent: '/spa/silent-cb',
  implicit: '/implicit/cb',
} as const;

export type ClientMetadata = Record<string, unknown> & { client_id: string };

export function buildClients(rpOrigins: readonly string[]): ClientMetadata[] {
  const at = (...paths: string[]) => rpOrigins.flatMap((o) => paths.map((p) => o + p));
  const postLogout = at('/');
  return [
    {
      client_id: CLIENT_IDS.web,
      client_secret: CLIENT_SECRETS.web,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: at(RP_PATHS.web, RP_PATHS.proxied),
      post_logout_redirect_uris: postLogout,
    },
    {
      client_id: CLIENT_IDS.formPost,
      client_secret: CLIENT_SECRETS.formPost,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: at(RP_PATHS.formPost),
      post_logout_redirect_uris: postLogout,
    },
    {
      client_id: CLIENT_IDS.spa,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: at(RP_PATHS.spa, RP_PATHS.spaPopup, RP_PATHS.spaSilent),
      post_logout_redirect_uris: postLogout,
    },
    {
      client_id: CLIENT_IDS.browserConfidential,
      client_secret: CLIENT_SECRETS.browserConfidential,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: at(RP_PATHS.spa),
    },
    {
      // oidc-provider accepts implicit http redirects only for native clients on loopback IPs
      // (RFC 8252 §7.3), so the legacy client is registered as native on 127.0.0.1 only.
      client_id: CLIENT_IDS.implicit,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['implicit'],
      response_types: ['id_token token', 'id_token'],
      redirect_uris: rpOrigins.filter((o) => new URL(o).hostname === '127.0.0.1').map((o) => o + RP_PATHS.implicit),
    },
  ];
}
