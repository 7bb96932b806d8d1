import type { RequestEvent } from '../model/event';
import type { StepKind } from '../model/flow';
import type { DiscoveryDoc, JwksDoc } from '../model/analysis-context';
import { responseObject, stringField, urlBase } from './params';

/** Discovery document fields that name endpoints, and the step each endpoint produces. */
const ENDPOINT_FIELDS: ReadonlyArray<readonly [string, StepKind]> = [
  ['authorization_endpoint', 'authorize'],
  ['token_endpoint', 'token'],
  ['userinfo_endpoint', 'userinfo'],
  ['jwks_uri', 'jwks'],
  ['end_session_endpoint', 'logout'],
  ['revocation_endpoint', 'revocation'],
  ['introspection_endpoint', 'introspection'],
  ['pushed_authorization_request_endpoint', 'par'],
  ['device_authorization_endpoint', 'device-authorization'],
];

export function toDiscoveryDoc(event: RequestEvent): DiscoveryDoc {
  const document = responseObject(event);
  return {
    eventId: event.id,
    url: event.url,
    status: event.status ?? null,
    time: event.startTime,
    document,
    issuer: stringField(document, 'issuer'),
  };
}

export function toJwksDoc(event: RequestEvent): JwksDoc {
  const json = responseObject(event);
  const keys = Array.isArray(json?.keys)
    ? json.keys.filter((k): k is Record<string, unknown> => k !== null && typeof k === 'object' && !Array.isArray(k))
    : null;
  return { eventId: event.id, url: event.url, status: event.status ?? null, time: event.startTime, keys };
}

/** URL base → step kind for every endpoint published in the captured documents. */
export function learnEndpoints(docs: readonly DiscoveryDoc[]): Map<string, StepKind> {
  const known = new Map<string, StepKind>();
  for (const doc of docs) {
    for (const [field, kind] of ENDPOINT_FIELDS) {
      const url = stringField(doc.document, field);
      const base = url ? urlBase(url) : null;
      if (base) known.set(base, kind);
    }
  }
  return known;
}

/** The newest document that publishes `authorizeUrl` as its authorization endpoint, else one on the same origin. */
export function discoveryForAuthorize(docs: readonly DiscoveryDoc[], authorizeUrl: string): DiscoveryDoc | null {
  const base = urlBase(authorizeUrl);
  const exact = docs.filter((d) => {
    const endpoint = stringField(d.document, 'authorization_endpoint');
    return endpoint !== null && urlBase(endpoint) === base;
  });
  if (exact.length) return exact[exact.length - 1]!;
  const origin = base ? new URL(base).origin : null;
  const sameOrigin = docs.filter((d) => d.document && new URL(d.url).origin === origin);
  return sameOrigin.length ? sameOrigin[sameOrigin.length - 1]! : null;
}
