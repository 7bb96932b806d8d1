import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { registeredCheck } from '../../lib/checks/index';
import type { Check, CheckDefinition } from '../../lib/checks/types';
import type { AnalysisOptions } from '../../lib/model/analysis-context';
import type { CapturedEvent } from '../../lib/model/event';
import type { Finding } from '../../lib/model/finding';
import { redactTrace } from '../../lib/trace/outside-flows';
import { makeTrace } from '../../lib/trace/trace-v1';

export interface CheckCase {
  name: string;
  events: CapturedEvent[];
  options?: Partial<AnalysisOptions>;
  /** Extra assertions on the check's findings (message values, severity, step). */
  expect?: (findings: Finding[]) => void;
  /**
   * Why a redacted export of this case cannot give the verdict (docs/trace-format.md "Tags" and "JWTs": e.g. the
   * signature is removed, a tag keeps only length and charset). Without it, the redacted copy,
   * analysed with its manifest, must give the same findings (count and severities).
   */
  redactionLoses?: string;
}

/** Run the whole pipeline with only this check and return its findings from every flow. */
export async function findingsOf(definition: Check | CheckDefinition, events: CapturedEvent[], options?: Partial<AnalysisOptions>): Promise<Finding[]> {
  const check = registeredCheck(definition);
  const { flows } = await analyzeEvents(events, options, [check]);
  return flows.flatMap((f) => f.findings).filter((f) => f.check === check.id);
}

/** The same, on a redacted copy of the events analysed with its manifest (a re-imported export). */
export async function redactedFindingsOf(check: Check | CheckDefinition, events: CapturedEvent[], options?: Partial<AnalysisOptions>): Promise<Finding[]> {
  const trace = await redactTrace(makeTrace(events));
  return findingsOf(check, trace.events, { ...options, redaction: trace.redaction });
}

const severities = (findings: Finding[]) => findings.map((f) => f.severity).sort();

/** The design rule of redaction: a redacted trace analysed again gives the same verdict, no more, no less. */
function itKeepsVerdictWhenRedacted(check: Check, c: CheckCase, kind: 'fires' | 'silent'): void {
  it(`${kind} after redaction: ${c.name}`, async () => {
    const raw = await findingsOf(check, c.events, c.options);
    const redacted = await redactedFindingsOf(check, c.events, c.options);
    if (c.redactionLoses) expect(redacted, `${check.id} on the redacted copy (${c.redactionLoses})`).toEqual([]);
    else expect(severities(redacted), `${check.id} on the redacted copy: ${redacted.map((f) => f.message).join(' | ')}`).toEqual(severities(raw));
  });
}

/**
 * The table every check test uses (ESLint's valid/invalid style): it must fire on each `fires`
 * case and stay silent on each `silent` case. test/meta/checks-registry.test.ts requires both.
 */
export function describeCheck(definition: CheckDefinition, cases: { fires: CheckCase[]; silent: CheckCase[] }): void {
  const check = registeredCheck(definition);
  describe(check.id, () => {
    for (const c of cases.fires) {
      it(`fires: ${c.name}`, async () => {
        const findings = await findingsOf(check, c.events, c.options);
        expect(findings.length, `${check.id} should fire`).toBeGreaterThan(0);
        for (const f of findings) {
          expect(f.message.length).toBeGreaterThan(0);
          // Every placeholder of the template was filled (factories' templates are not typed against their data).
          expect(f.message, 'an unfilled {placeholder}').not.toMatch(/\{[a-z][A-Za-z0-9]*\}/);
        }
        c.expect?.(findings);
      });
      itKeepsVerdictWhenRedacted(check, c, 'fires');
    }
    for (const c of cases.silent) {
      it(`silent: ${c.name}`, async () => {
        const findings = await findingsOf(check, c.events, c.options);
        expect(findings, `${check.id} should stay silent`).toEqual([]);
        c.expect?.(findings);
      });
      itKeepsVerdictWhenRedacted(check, c, 'silent');
    }
  });
}
