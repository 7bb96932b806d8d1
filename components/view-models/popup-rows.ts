import { outcomeLabel } from '../../lib/flow/outcome-label';
import type { AnalysisReport, FlowReport } from '../../lib/model/analysis';
import type { Outcome } from '../../lib/model/flow';
import { providerOfUrl } from '../../lib/providers/match';
import { hostOf } from './format';

/** One line of the toolbar popup: what happened to a login, for whom, at which provider, and why. */
export interface PopupRow {
  id: string;
  outcome: Outcome;
  /** The outcome in words ("Failed at step 7 (callback)", "Completed, 1 error"): never colour only. */
  outcomeText: string;
  client: string;
  provider: string;
  /** The first error-level finding's title, null when the flow has none. */
  firstError: string | null;
}

/** The provider's name when a known profile matches its URLs, else the issuer's (or authorize step's) host. */
export function providerLabel(flow: FlowReport): string {
  const authorize = flow.steps.find((s) => s.kind === 'authorize') ?? flow.steps[0];
  const urls = [flow.issuer, authorize?.url ?? null].filter((u): u is string => u !== null);
  for (const url of urls) {
    const profile = providerOfUrl(url);
    if (profile) return profile.name;
  }
  return hostOf(flow.issuer) ?? hostOf(authorize?.url ?? null) ?? 'unknown server';
}

/** Newest first, like the panel's flow list. */
export function popupRows(report: AnalysisReport): PopupRow[] {
  return [...report.flows]
    .sort((a, b) => b.startTime - a.startTime)
    .map((flow) => {
      const error = flow.findings.find((f) => f.severity === 'error');
      return {
        id: flow.id,
        outcome: flow.outcome,
        outcomeText: outcomeLabel(flow),
        client: flow.clientId ?? 'no client_id',
        provider: providerLabel(flow),
        firstError: error ? error.title : null,
      };
    });
}
