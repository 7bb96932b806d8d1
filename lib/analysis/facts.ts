import type { AnalysisContext, AnalysisOptions, DiscoveryDoc, JwksDoc } from '../model/analysis-context';
import type { CapturedEvent } from '../model/event';
import type { Flow } from '../model/flow';
import { digestValues, hashableValues, makeDerived, type Digests } from './digests';
import { discoveryOf, jwksOf } from './metadata-lookup';
import { verifySignatures } from './signatures';

/**
 * Phase 3: everything the synchronous checks need that takes async work or a lookup — digests of
 * codes, tokens and verifiers, ID Token signatures against the issuer's captured JWKS, and which
 * discovery document and JWKS belong to each flow — gathered into the read-only context checks get.
 */
export async function gatherFacts(
  events: readonly CapturedEvent[],
  correlated: { flows: readonly Flow[]; discovery: readonly DiscoveryDoc[]; jwks: readonly JwksDoc[] },
  verifierDigests: Digests,
  options: AnalysisOptions,
): Promise<AnalysisContext> {
  const { flows, discovery, jwks } = correlated;
  const discoveryFor = (flow: Flow) => discoveryOf(discovery, flow);
  const jwksFor = (flow: Flow) => jwksOf(discovery, jwks, flow);
  const digests = await digestValues(hashableValues(flows), verifierDigests);
  const signatures = await verifySignatures(flows, jwksFor);
  return {
    flows,
    events,
    discovery,
    jwks,
    options,
    redacted: options.redaction?.redacted === true,
    derived: makeDerived(digests, signatures, options.redaction?.derived ?? []),
    discoveryFor,
    jwksFor,
  };
}
