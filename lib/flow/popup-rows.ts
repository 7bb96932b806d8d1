import type { AnalysisReport, FlowReport } from '../model/analysis';
import type { PopupRow } from '../model/popup-state';
import { brokerSummary } from './broker-label';
import { clientLabel } from './client-label';
import { outcomeLabel } from './outcome-label';
import { providerLabel } from './server-label';

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
        outcomeText: outcomeLabel(flow, brokerSummary(flow, report.flows)),
        client: clientLabel(flow),
        provider: providerLabel(flow),
        firstError: error ? error.title : null,
      };
    });
}
