import type { Finding } from '../model/finding';
import type { Flow } from '../model/flow';
import type { AnalysisContext } from '../model/analysis-context';
import { providerFixForCheck } from '../providers/match';
import { renderRefs } from './refs';
import { placeholderJudged } from './support/foreign-values';
import { formatMessage, type Check, type CheckContext, type Report } from './types';

export interface CheckRun {
  findings: Finding[];
  /** Checks that said their evidence lies outside the browser, with the reason. */
  notObservable: Array<{ check: string; reason: string }>;
}

/**
 * Run every check on one flow. A check that throws is a bug in that check, not in the traffic:
 * it is reported as an internal error and the other checks still run.
 */
export function runChecks(checks: readonly Check[], flow: Flow, analysis: AnalysisContext): CheckRun {
  const findings: Finding[] = [];
  const notObservable: CheckRun['notObservable'] = [];
  /** Checks whose finding would have judged a placeholder another tool left (issue 17 point 2). */
  const notChecked = new Set<string>();
  for (const check of checks) {
    const ctx: CheckContext = {
      checkId: check.id,
      analysis,
      report: (r: Report) => {
        const finding = toFinding(check, r, flow);
        if (check.id !== REDACTED_ELSEWHERE && placeholderJudged(finding)) notChecked.add(check.id);
        else findings.push(finding);
      },
      notObservable: (reason) => notObservable.push({ check: check.id, reason }),
    };
    try {
      check.run(flow, ctx);
    } catch (error) {
      findings.push({
        check: check.id,
        severity: 'info',
        title: `Check ${check.id} could not run`,
        message: `Internal error in check ${check.id}: ${error instanceof Error ? error.message : String(error)}`,
        cause: 'A bug in OAuth Lens, not in the traffic.',
        fix: 'Report it with the exported trace.',
        spec: renderRefs(check.refs),
        step: null,
        evidence: [],
      });
    }
  }
  const note = findings.find((f) => f.check === REDACTED_ELSEWHERE);
  if (note && notChecked.size) note.evidence.push({ label: 'checks not run on them', value: [...notChecked].sort().join(', ') });
  return { findings, notObservable };
}

const REDACTED_ELSEWHERE = 'values-redacted-elsewhere';

/** A check's template by id; an id its `messages` lacks is a bug in the check (reported as an internal error). */
function template(check: Check, messageId: string): string {
  const text = check.messages[messageId];
  if (text === undefined) throw new Error(`no message "${messageId}" in its messages`);
  return text;
}

/** The finding, its fix led by the provider's own console path where its profile has one (lib/providers). */
function toFinding(check: Check, r: Report, flow: Flow): Finding {
  const fix = r.fix ?? check.fix;
  const where = providerFixForCheck(flow, check.id);
  return {
    check: check.id,
    severity: r.severity ?? check.severity,
    title: check.title,
    message: formatMessage(template(check, r.messageId), r.data),
    cause: r.cause ?? check.cause,
    fix: where ? `${where} ${fix}` : fix,
    spec: renderRefs(check.refs),
    step: r.step,
    evidence: r.evidence ?? [],
  };
}
