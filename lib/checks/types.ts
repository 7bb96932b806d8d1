import type { Evidence, Severity } from '../model/finding';
import type { Flow } from '../model/flow';
import type { SpecRef } from './refs';
import type { AnalysisContext } from '../model/analysis-context';

/**
 * A check in the style of an ESLint rule: metadata as data, plus a pure `run`. The file name is
 * the id. A check never mutates the flow, never depends on the order checks run in, and never
 * throws over bad protocol data (a bad token is a finding, not an exception).
 */
export interface CheckMeta {
  /** Stable kebab-case id (listed in docs/checks.md); equals the file name. */
  id: string;
  /** Default severity; `report` may raise or lower it where a check says so (docs/checks.md). */
  severity: Severity;
  title: string;
  /** Spec references as data: `[{ spec: 'RFC 6749', section: '10.12' }]` (lib/checks/refs.ts). */
  refs: readonly SpecRef[];
  /** Likely root cause, in plain language. */
  cause: string;
  /** What to change. */
  fix: string;
}

export interface Report {
  message: string;
  /** Index of the step the finding belongs to, or null for the flow as a whole. */
  step: number | null;
  severity?: Severity;
  evidence?: Evidence[];
  /** Overrides of the metadata text when the concrete case has a sharper explanation. */
  cause?: string;
  fix?: string;
}

export interface CheckContext {
  readonly analysis: AnalysisContext;
  report(report: Report): void;
  /** The evidence lies outside the browser (docs/architecture.md "What the browser sees": never report that as a failure). */
  notObservable(reason: string): void;
}

export interface Check extends CheckMeta {
  run(flow: Flow, ctx: CheckContext): void;
}

export function defineCheck(check: Check): Check {
  return check;
}
