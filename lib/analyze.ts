import { CHECKS } from './checks/index';
import { runChecks } from './checks/engine';
import type { Check } from './checks/types';
import { DEFAULT_OPTIONS, type AnalysisContext, type AnalysisOptions } from './flow/context';
import { correlate } from './flow/correlate';
import { digestAll, hashableValues, makeDerived, verifiersIn, verifySignatures } from './flow/derive';
import type { SignatureStatus } from './jwt/verify';
import { decideOutcome } from './flow/outcome';
import { urlBase } from './flow/params';
import type { AnalysisReport } from './model/analysis';
import type { CapturedEvent } from './model/event';
import type { Flow } from './model/flow';
import { toReport } from './report';
import { unownedMetadataFindings } from './checks/support/unowned-metadata';

export interface Analysis {
  flows: Flow[];
  report: AnalysisReport;
  context: AnalysisContext;
}

/**
 * The whole pipeline, pure: events → flows (classify + correlate) → checks → report. Always
 * recomputed from raw events, so an old trace gets new checks. Pass the trace's redaction
 * manifest as `options.redaction` when the events come from a redacted export.
 */
export async function analyzeEvents(
  events: readonly CapturedEvent[],
  options: Partial<AnalysisOptions> = {},
  checks: readonly Check[] = CHECKS,
): Promise<Analysis> {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  // On a redacted trace, relations recorded before redaction stand in for hashes of raw values.
  const relations = opts.redaction?.derived ?? [];
  // Verifiers are hashed first: correlation joins token requests to flows by PKCE (§1.3 step 3).
  const digests = await digestAll(verifiersIn(events));
  const early = makeDerived(digests, new Map(), relations);
  const { flows, discovery, jwks } = correlate(events, opts, (verifier) => early.s256(verifier));
  await digestAll(hashableValues(flows), digests);
  const signatures = new Map<string, SignatureStatus>();

  const context: AnalysisContext = {
    flows,
    events,
    discovery,
    jwks,
    options: opts,
    redacted: opts.redaction?.redacted === true,
    derived: makeDerived(digests, signatures, relations),
    discoveryFor(flow) {
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
    },
    jwksFor(flow) {
      const uri = this.discoveryFor(flow)?.document?.jwks_uri;
      const byUri = jwks.filter((j) => typeof uri === 'string' && j.url === uri);
      if (byUri.length) return byUri[byUri.length - 1]!;
      const inFlow = flow.steps.filter((s) => s.kind === 'jwks').map((s) => jwks.find((j) => j.eventId === s.event?.id));
      return inFlow.filter((j) => j !== undefined).pop() ?? null;
    },
  };

  await verifySignatures(flows, (flow) => context.jwksFor(flow), signatures);
  for (const flow of flows) {
    flow.findings = runChecks(checks, flow, context).findings;
    ({ outcome: flow.outcome, failedAt: flow.failedAt } = decideOutcome(flow));
  }
  return { flows, report: toReport(flows, unownedMetadataFindings(context)), context };
}
