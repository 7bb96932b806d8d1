import type { FlowReport } from '../model/analysis';

/**
 * One line saying what happened and how much is wrong, the same in the panel header, the flow
 * list, the CLI text and the Markdown: "Completed", "Completed, 2 errors", "Failed at step 3
 * (token)", "Incomplete, 1 error". Steps are numbered from 1, as every view shows them.
 */
export function outcomeLabel(flow: Pick<FlowReport, 'outcome' | 'failedAt' | 'steps' | 'findings'>): string {
  const errors = flow.findings.filter((f) => f.severity === 'error').length;
  const suffix = errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : '';
  if (flow.outcome === 'success') return `Completed${suffix}`;
  if (flow.outcome === 'incomplete') return `Incomplete${suffix}`;
  const at = flow.failedAt ?? null;
  const step = at !== null ? flow.steps[at] : undefined;
  return step ? `Failed at step ${at! + 1} (${step.kind})` : 'Failed';
}
