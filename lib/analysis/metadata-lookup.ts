import { urlBase } from '../flow/params';
import type { DiscoveryDoc, JwksDoc } from '../model/analysis-context';
import type { Flow } from '../model/flow';

/**
 * The discovery document of a flow's authorization server: the last one captured for its issuer,
 * else the last whose authorization_endpoint has the base of the flow's authorization request.
 */
export function discoveryOf(discovery: readonly DiscoveryDoc[], flow: Flow): DiscoveryDoc | null {
  const issuer = flow.issuer;
  const byIssuer = discovery.filter((d) => issuer !== null && d.issuer === issuer);
  if (byIssuer.length) return byIssuer[byIssuer.length - 1]!;
  const authorizeUrl = flow.authorize ? flow.steps[flow.authorize.step]?.url : null;
  if (!authorizeUrl) return null;
  const base = urlBase(authorizeUrl);
  const match = discovery.filter((d) => {
    const endpoint = d.document?.authorization_endpoint;
    return typeof endpoint === 'string' && urlBase(endpoint) === base;
  });
  return match[match.length - 1] ?? null;
}

/** The JWKS of a flow's issuer: the last fetched from its discovery's jwks_uri, else the last fetched inside the flow. */
export function jwksOf(discovery: readonly DiscoveryDoc[], jwks: readonly JwksDoc[], flow: Flow): JwksDoc | null {
  const uri = discoveryOf(discovery, flow)?.document?.jwks_uri;
  const byUri = jwks.filter((j) => typeof uri === 'string' && j.url === uri);
  if (byUri.length) return byUri[byUri.length - 1]!;
  const inFlow = flow.steps.filter((s) => s.kind === 'jwks').map((s) => jwks.find((j) => j.eventId === s.event?.id));
  return inFlow.filter((j) => j !== undefined).pop() ?? null;
}
