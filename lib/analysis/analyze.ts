import { runChecks } from '../checks/engine';
import { CHECKS } from '../checks/index';
import { unownedMetadataFindings } from '../checks/support/unowned-metadata';
import type { Check } from '../checks/types';
import { onUpstreamLeg } from '../flow/broker-label';
import { correlate } from '../flow/correlate';
import { withRecoveredAnswers } from '../flow/recovered';
import { DEFAULT_OPTIONS, type AnalysisContext, type AnalysisOptions } from '../model/analysis-context';
import type { AnalysisReport } from '../model/analysis';
import type { CapturedEvent } from '../model/event';
import type { JudgedFlow } from '../model/flow';
import { digestValues, makeDerived, verifiersIn } from './digests';
import { gatherFacts } from './facts';
import { toReport } from './report';
import { judgeFlows } from './verdict';

export interface Analysis {
  flows: JudgedFlow[];
  report: AnalysisReport;
  context: AnalysisContext;
}

/**
 * The whole pipeline as phases, each a pure function from its input to a new value. Always
 * recomputed from raw events, so an old trace gets new checks. Pass the trace's redaction
 * manifest as `options.redaction` when the events come from a redacted export.
 */
export async function analyzeEvents(
  captured: readonly CapturedEvent[],
  options: Partial<AnalysisOptions> = {},
  checks: readonly Check[] = CHECKS,
): Promise<Analysis> {
  const opts: AnalysisOptions = { ...DEFAULT_OPTIONS, ...options };
  // 0. Answers the browser never reported but the page did (lib/flow/recovered.ts).
  const events = withRecoveredAnswers(captured);
  // 1. Verifier digests: correlation joins token requests to flows by PKCE S256
  //    (docs/architecture.md "Correlating flows" step 3); on a redacted trace the recorded relations answer.
  const verifierDigests = await digestValues(verifiersIn(events));
  const verifierS256 = makeDerived(verifierDigests, new Map(), opts.redaction?.derived ?? []);
  // 2. Correlate: events → steps → flows, plus the discovery documents and JWKS captured.
  const correlated = correlate(events, opts, (verifier) => verifierS256.s256(verifier));
  // 3. Facts: digests, signatures, discovery and JWKS lookups — the read-only context of the checks.
  const context = await gatherFacts(events, correlated, verifierDigests, opts);
  // 4. Checks, flow by flow; a brokered login's upstream leg says so in each finding (lib/flow/broker-label.ts).
  const findings = correlated.flows.map((flow) => onUpstreamLeg(flow, correlated.flows, runChecks(checks, flow, context).findings));
  // 5. Verdicts: each flow with its findings and outcome.
  const flows = judgeFlows(correlated.flows, findings);
  // 6. Report, with the findings that belong to no flow.
  return { flows, report: toReport(flows, unownedMetadataFindings(context)), context };
}
