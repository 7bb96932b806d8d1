import type { AnalysisReport, FlowReport } from '../model/analysis';
import type { PopupRow } from '../model/popup-state';
import { providerOfUrl } from '../providers/match';
import { outcomeLabel } from './outcome-label';
import { serverHost, serverUrls } from './server-label';

/** The provider's name when a known profile matches its URLs, else the issuer's (or authorize step's) host. */
export function providerLabel(flow: FlowReport): string {
  for (const url of serverUrls(flow)) {
    const profile = providerOfUrl(url);
    if (profile) return profile.name;
  }
  return serverHost(flow) ?? 'unknown server';
}

/**
 * The toolbar popup's lines for a tab, newest first like the panel's flow list. Built in the
 * background: the popup receives these rows, never the analysis.
 */
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
