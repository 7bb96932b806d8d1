import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analyze';
import type { Check } from '../../lib/checks/types';
import type { AnalysisOptions } from '../../lib/flow/context';
import type { CapturedEvent } from '../../lib/model/event';
import type { Finding } from '../../lib/model/finding';

export interface CheckCase {
  name: string;
  events: CapturedEvent[];
  options?: Partial<AnalysisOptions>;
  /** Extra assertions on the check's findings (message values, severity, step). */
  expect?: (findings: Finding[]) => void;
}

/** Run the whole pipeline with only this check and return its findings from every flow. */
export async function findingsOf(check: Check, events: CapturedEvent[], options?: Partial<AnalysisOptions>): Promise<Finding[]> {
  const { flows } = await analyzeEvents(events, options, [check]);
  return flows.flatMap((f) => f.findings).filter((f) => f.check === check.id);
}

/**
 * The table every check test uses (ESLint's valid/invalid style): it must fire on each `fires`
 * case and stay silent on each `silent` case. test/meta/checks-registry.test.ts requires both.
 */
export function describeCheck(check: Check, cases: { fires: CheckCase[]; silent: CheckCase[] }): void {
  describe(check.id, () => {
    for (const c of cases.fires) {
      it(`fires: ${c.name}`, async () => {
        const findings = await findingsOf(check, c.events, c.options);
        expect(findings.length, `${check.id} should fire`).toBeGreaterThan(0);
        for (const f of findings) expect(f.message.length).toBeGreaterThan(0);
        c.expect?.(findings);
      });
    }
    for (const c of cases.silent) {
      it(`silent: ${c.name}`, async () => {
        const findings = await findingsOf(check, c.events, c.options);
        expect(findings, `${check.id} should stay silent`).toEqual([]);
        c.expect?.(findings);
      });
    }
  });
}
