import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { eventsOfFlows } from '../../lib/trace/flow-events';
import { loadInputText } from '../../lib/trace/load';

const HAR_DIR = join(import.meta.dirname, '..', 'fixtures', 'har');
/** Findings that compare a flow with the others; exporting one flow alone drops them, by design. */
const CROSS_FLOW = new Set(['multiple-concurrent-flows-same-client']);

describe('eventsOfFlows (export one flow)', () => {
  it.each(readdirSync(HAR_DIR).filter((f) => f.endsWith('.har')))('%s: each flow re-analyses alone to the same steps and findings', async (file) => {
    const { events } = loadInputText(readFileSync(join(HAR_DIR, file), 'utf8'), file);
    const { report } = await analyzeEvents(events);
    for (const flow of report.flows) {
      const subset = eventsOfFlows(events, [flow]);
      expect(subset.length).toBeLessThanOrEqual(events.length);
      const again = (await analyzeEvents(subset)).report.flows;
      expect(again).toHaveLength(1);
      expect(again[0]!.steps.map((s) => `${s.kind} ${s.url}`)).toEqual(flow.steps.map((s) => `${s.kind} ${s.url}`));
      const checks = (f: typeof flow) => f.findings.map((x) => x.check).filter((c) => !CROSS_FLOW.has(c)).sort();
      expect(checks(again[0]!)).toEqual(checks(flow));
    }
  });

  it('keeps input order and takes nothing from an unrelated flow', async () => {
    const { events } = loadInputText(readFileSync(join(HAR_DIR, 'two-tabs-state-overwritten.har'), 'utf8'));
    const { report } = await analyzeEvents(events);
    const [a, b] = report.flows;
    const sa = eventsOfFlows(events, [a!]);
    const sb = eventsOfFlows(events, [b!]);
    expect(sa.map((e) => events.indexOf(e))).toEqual([...sa.map((e) => events.indexOf(e))].sort((x, y) => x - y));
    const requestsA = new Set(sa.filter((e) => e.kind === 'request').map((e) => e.id));
    expect(sb.filter((e) => e.kind === 'request' && requestsA.has(e.id))).toEqual([]);
  });
});
