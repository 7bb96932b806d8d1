import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { AnalysisOptions } from '../../lib/model/analysis-context';
import type { CapturedEvent } from '../../lib/model/event';
import { redactTrace } from '../../lib/trace/outside-flows';
import { toHar } from '../../lib/trace/har-export';
import { loadInputText } from '../../lib/trace/load';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';

// Issue: "equality findings still produced when the redacted trace is analyzed again" and
// "round trips keep every step and finding". For every HAR recorded from the real provider:
// analyse the raw events, then the same events after redaction (re-imported as a trace file or
// as our HAR export, manifest included) — flows, steps, outcomes and findings must not change.

const dir = join(import.meta.dirname, '..', 'fixtures', 'har');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.har')).sort();
const expectations = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'expectations.json'), 'utf8')) as {
  fixtures: Array<{ har: string; flows: Array<{ checks: string[] }> }>;
};

interface Summary {
  /** Per flow: outcome and step kinds in order. */
  flows: string[];
  /** `flow index · check · severity` of every finding (errors, warnings and info). */
  findings: string[];
}

async function summary(events: readonly CapturedEvent[], options: Partial<AnalysisOptions> = {}): Promise<Summary> {
  const { report } = await analyzeEvents(events, options);
  return {
    flows: report.flows.map((f, i) => `${i} ${f.outcome}: ${f.steps.map((s) => s.kind).join(' → ')}`),
    findings: report.flows
      .flatMap((f, i) => f.findings.map((x) => `${i} · ${x.check} · ${x.severity}`))
      .sort(),
  };
}

const load = (name: string) => loadInputText(readFileSync(join(dir, name), 'utf8'), name).events;

describe.each(fixtures)('re-analysis of %s', (name) => {
  it('a redacted trace file, imported again, gives the same flows, outcomes and findings', async () => {
    const events = load(name);
    const raw = await summary(events);
    const exported = serializeTrace(await redactTrace(makeTrace(events)));
    const imported = loadInputText(exported, 'redacted.trace.json');
    expect(imported.redaction?.redacted).toBe(true);
    expect(await summary(imported.events, { redaction: imported.redaction })).toEqual(raw);
  });

  it('every check the recording is labelled with survives redaction', async () => {
    const labelled = expectations.fixtures.find((f) => f.har === name)?.flows.flatMap((f) => f.checks) ?? [];
    const trace = await redactTrace(makeTrace(load(name)));
    const { report } = await analyzeEvents(trace.events, { redaction: trace.redaction });
    const found = new Set(report.flows.flatMap((f) => f.findings.map((x) => x.check)));
    for (const check of labelled) expect(found.has(check), check).toBe(true);
  });

  it('without its manifest a redacted trace loses relations but gains no finding', async () => {
    const events = load(name);
    const raw = await summary(events);
    const trace = await redactTrace(makeTrace(events));
    const bare = await summary(trace.events);
    expect(bare.flows.map((f) => f.replace(/^\d+ \w+/, ''))).toEqual(raw.flows.map((f) => f.replace(/^\d+ \w+/, '')));
    expect(bare.findings.filter((f) => !raw.findings.includes(f))).toEqual([]);
  });

  it('trace → HAR → load keeps every step and finding, raw and redacted', async () => {
    const events = load(name);
    const raw = await summary(events);
    const rawHar = loadInputText(JSON.stringify(toHar(events)), 'raw.har');
    expect(rawHar.redaction).toBeNull();
    expect(await summary(rawHar.events)).toEqual(raw);

    const trace = await redactTrace(makeTrace(events));
    const har = loadInputText(JSON.stringify(toHar(trace.events, { redacted: true, redaction: trace.redaction })), 'redacted.har');
    expect(har.redaction).toMatchObject({ redacted: true, derived: trace.redaction.derived });
    expect(await summary(har.events, { redaction: har.redaction })).toEqual(raw);
  });
});

describe('the table above can fail', () => {
  it('the fixtures hold equality findings that need the manifest (PKCE S256 across a redacted verifier)', async () => {
    const events = load('pkce-mismatch.har');
    const raw = await summary(events);
    expect(raw.findings.some((f) => f.includes('pkce-verifier-mismatch'))).toBe(true);
    const trace = await redactTrace(makeTrace(events));
    expect((await summary(trace.events)).findings.some((f) => f.includes('pkce-verifier-mismatch'))).toBe(false);
    expect((await summary(trace.events, { redaction: trace.redaction })).findings.some((f) => f.includes('pkce-verifier-mismatch'))).toBe(true);
  });
});
