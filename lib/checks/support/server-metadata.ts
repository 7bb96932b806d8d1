import type { DiscoveryDoc } from '../../model/analysis-context';
import { originOf, urlBase } from '../../flow/params';
import type { Flow } from '../../model/flow';
import type { CheckContext } from '../types';

/**
 * The discovery document of the authorization server this flow's request was SENT to, found by
 * its `authorization_endpoint` — not by `flow.issuer`, which may have been filled from the
 * callback's own `iss` (RFC 9207 §2.4 compares against the server the client chose).
 */
export function discoveryOfServer(flow: Flow, ctx: CheckContext): DiscoveryDoc | null {
  const docs = ctx.analysis.discovery.filter((d) => d.document !== null);
  const endpointOf = (d: DiscoveryDoc) => {
    const endpoint = d.document?.authorization_endpoint;
    return typeof endpoint === 'string' ? endpoint : null;
  };
  const authorizeUrl = flow.authorize ? flow.steps[flow.authorize.step]?.url ?? null : null;
  if (authorizeUrl) {
    const base = urlBase(authorizeUrl);
    const hit = docs.filter((d) => {
      const e = endpointOf(d);
      return e !== null && urlBase(e) === base;
    });
    return hit[hit.length - 1] ?? null;
  }
  // Orphan callback: only the origin of the hop that sent the browser here is known.
  if (!flow.serverOrigin) return null;
  const hit = docs.filter((d) => {
    const e = endpointOf(d);
    return e !== null && originOf(e) === flow.serverOrigin;
  });
  return hit.length === 1 ? hit[0]! : null;
}
