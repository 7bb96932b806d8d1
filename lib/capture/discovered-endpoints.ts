/**
 * Endpoints an authorization server names in its discovery document (OpenID Connect Discovery
 * 1.0 §3, RFC 8414 §2), remembered so that a request to one of them is recognised whatever its
 * path looks like: the demo provider's UserInfo endpoint is `GET /me`, Google's token endpoint is
 * `oauth2.googleapis.com/token`. Pure; the devtools page keeps one per inspected tab (Chrome), the Firefox background one for
 * the browser (entrypoints/background/firefox-bodies.ts).
 */

/** Discovery members whose responses the checks read (or that identify an OAuth call). */
export const DISCOVERY_ENDPOINT_FIELDS = [
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'pushed_authorization_request_endpoint',
  'device_authorization_endpoint',
  'introspection_endpoint',
  'revocation_endpoint',
  'backchannel_authentication_endpoint',
  'registration_endpoint',
] as const;

const DISCOVERY_PATH = /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)/;

/** A discovery document's URL: its body names the endpoints `DiscoveredEndpoints` learns. */
export function isDiscoveryUrl(url: string): boolean {
  return DISCOVERY_PATH.test(url);
}

/** Endpoints remembered at most; the oldest are forgotten first. */
export const MAX_KNOWN_ENDPOINTS = 200;

/** scheme://host:port/path of an absolute http(s) URL; query and fragment ignored. */
function endpointKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

/** The endpoint URLs a discovery document (JSON text, hostile) names; [] when it is not one. */
export function endpointsOfDiscovery(text: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [];
  const fields = doc as Record<string, unknown>;
  const out: string[] = [];
  for (const name of DISCOVERY_ENDPOINT_FIELDS) {
    const value = fields[name];
    const key = typeof value === 'string' ? endpointKey(value) : null;
    if (key) out.push(key);
  }
  return out;
}

export class DiscoveredEndpoints {
  private readonly known = new Set<string>();

  /** Remember the endpoints of a discovery document; returns how many it named. */
  learn(discoveryText: string): number {
    const found = endpointsOfDiscovery(discoveryText);
    for (const key of found) {
      this.known.delete(key);
      this.known.add(key);
    }
    for (const oldest of this.known) {
      if (this.known.size <= MAX_KNOWN_ENDPOINTS) break;
      this.known.delete(oldest);
    }
    return found.length;
  }

  /** Whether `url` (query and fragment ignored) is an endpoint some discovery document named. */
  has(url: string): boolean {
    const key = endpointKey(url);
    return key !== null && this.known.has(key);
  }

  get size(): number {
    return this.known.size;
  }
}
