import type { FlowReport } from '../model/analysis';
import type { BrokerSummary } from './broker-label';

/**
 * One line saying what happened and how much is wrong, the same in the panel header, the flow
 * list, the CLI text and the Markdown: "Completed", "Completed, 2 errors", "Failed at step 3
 * (token)", "Incomplete, 1 error", and for a brokered login whose upstream leg failed "Failed at
 * the upstream Google step (error-page)". Steps are numbered from 1, as every view shows them.
 */
export function outcomeLabel(flow: Pick<FlowReport, 'outcome' | 'failedAt' | 'steps' | 'findings'>, broker: BrokerSummary | null = null): string {
  const errors = flow.findings.filter((f) => f.severity === 'error').length;
  const suffix = errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : '';
  if (flow.outcome === 'success') return `Completed${suffix}`;
  if (flow.outcome === 'incomplete') return `Incomplete${suffix}`;
  // A brokered login broke where its upstream leg did ("Failed at the upstream Google step").
  if (broker?.failure) return broker.failure;
  const at = flow.failedAt ?? null;
  const step = at !== null ? flow.steps[at] : undefined;
  return step ? `Failed at step ${at! + 1} (${step.kind})` : 'Failed';
}
