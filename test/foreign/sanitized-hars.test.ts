import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { foreignRedaction } from '../../lib/placeholders/foreign';
import { harToEvents, parseHar } from '../../lib/trace/har-import';
import { loadInputText } from '../../lib/trace/load';
import { redactTrace } from '../../lib/trace/outside-flows';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { cloudflareSanitize, handRedact } from '../support/foreign-sanitizers';

// Issue 17 point 2: HARs sanitized by another tool before they reach us. Each recording of the
// demo provider (test/fixtures/har) is put through a re-implementation of Cloudflare's
// har-sanitizer defaults (test/support/foreign-sanitizers.ts; Google's uses the same placeholders)
// and through hand redaction, then analysed like the original.

const HAR_DIR = resolve(import.meta.dirname, '../fixtures/har');
const expectations = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/expectations.json'), 'utf8')) as { fixtures: Array<{ har: string; flowCount: number }> };

async function analyzeHar(har: unknown) {
  return (await analyzeEvents(harToEvents(parseHar(har)))).report;
}

function judged(report: Awaited<ReturnType<typeof analyzeHar>>): string[] {
  return report.flows.flatMap((f) =>
    f.findings
      .filter((x) => x.check !== 'values-redacted-elsewhere')
      .filter((x) => x.evidence.some((e) => foreignRedaction(e.value) || (e.expected !== undefined && foreignRedaction(e.expected))))
      .map((x) => `${x.check}: ${x.message}`),
  );
}

describe('placeholders of other tools', () => {
  it.each([
    ['[state redacted]', "Google's or Cloudflare's"],
    ['[client_id redacted]', "Google's or Cloudflare's"],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.redacted', "Cloudflare's har-sanitizer (JWT signature removed)"],
    ['[sanitized]', 'SanitizHAR'],
    ['REDACTED', 'REDACTED'],
    ['[REDACTED]', 'REDACTED'],
    ['<redacted>', 'REDACTED'],
    ['***', '***'],
    ['xxxxxxxx', 'xxx'],
  ])('%s is recognised (%s)', (value, tool) => {
    expect(foreignRedaction(value)?.tool).toContain(tool);
  });

  it.each(['Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a', 'redacted-but-real-value-123', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'x', '⟦state:3f9a1c07e2b4:43:b64url⟧'])('%s is a value, not a placeholder', (value) => {
    expect(foreignRedaction(value)).toBeNull();
  });
});

describe.each(expectations.fixtures.map((f) => [f.har, f.flowCount] as const))('%s after Cloudflare har-sanitizer', (file, flowCount) => {
  const raw = JSON.parse(readFileSync(resolve(HAR_DIR, file), 'utf8')) as unknown;

  it('judges no placeholder, adds no error, and says once per flow what was not checked', async () => {
    const before = await analyzeHar(raw);
    const after = await analyzeHar(cloudflareSanitize(raw));
    expect(judged(after)).toEqual([]);
    // state-weak judged "[state redacted]" as words before (issue 17).
    expect(after.flows.flatMap((f) => f.findings).filter((f) => f.check === 'state-weak')).toEqual([]);
    const errorsBefore = new Set(before.flows.flatMap((f) => f.findings).filter((f) => f.severity === 'error').map((f) => f.check));
    const newErrors = after.flows.flatMap((f) => f.findings).filter((f) => f.severity === 'error' && !errorsBefore.has(f.check));
    expect(newErrors.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
    for (const flow of after.flows.filter((f) => f.steps.some((s) => s.kind === 'authorize'))) {
      const notes = flow.findings.filter((f) => f.check === 'values-redacted-elsewhere');
      expect(notes).toHaveLength(1);
      expect(notes[0]!.severity).toBe('info');
      expect(notes[0]!.message).toMatch(/ redacted in this HAR by a HAR sanitizer \(Google's or Cloudflare's har-sanitizer\)(?: and [^:]+)?: not checked\.$/);
    }
    // A single login keeps its outcome: placeholders change what can be checked, not what happened.
    if (flowCount === 1) {
      const outcome = (r: typeof before) => r.flows.filter((f) => f.steps.some((s) => s.kind === 'authorize')).map((f) => f.outcome);
      expect(outcome(after)).toEqual(outcome(before));
    }
  });
});

describe('hand-redacted HAR (REDACTED in place of state and code)', () => {
  it('does not call REDACTED a weak state, nor two REDACTED codes the same code', async () => {
    const raw = JSON.parse(readFileSync(resolve(HAR_DIR, 'confidential-success.har'), 'utf8')) as unknown;
    const report = await analyzeHar(handRedact(raw, ['state', 'code']));
    const flow = report.flows.find((f) => f.steps.some((s) => s.kind === 'authorize'))!;
    expect(flow.outcome).toBe('success');
    expect(judged(report)).toEqual([]);
    expect(flow.findings.map((f) => f.check)).not.toContain('state-weak');
    const note = flow.findings.find((f) => f.check === 'values-redacted-elsewhere');
    expect(note?.message).toBe('state, code were redacted in this HAR by hand or tool redaction ("REDACTED"): not checked.');
  });
});

describe('a sanitized HAR through OAuth Lens\'s own redaction (the CLI\'s and the export\'s default)', () => {
  // Found on Cloudflare's own sanitized Google login (cloudflare/har-sanitizer scrubbed.har): the
  // CLI's default, redacted output said only "client_id was redacted", because its redaction tagged
  // "[state redacted]" and "[code redacted]" and the analysis of the redacted trace no longer saw
  // placeholders there.
  // A JWT whose signature the sanitizer removed is not listed after our redaction: ours removes
  // every JWT's signature (docs/trace-format.md "JWTs"), so that note no longer adds anything.
  const notes = (report: Awaited<ReturnType<typeof analyzeHar>>) =>
    report.flows.map((f) =>
      f.findings
        .filter((x) => x.check === 'values-redacted-elsewhere')
        .flatMap((x) => x.evidence.filter((e) => !e.value.includes('JWT signature removed')).map((e) => `${e.label}: ${e.value}`)),
    );

  it.each(['confidential-success.har', 'spa-pkce-success.har'])('%s: the redacted trace says the same values were redacted elsewhere', async (file) => {
    const sanitized = cloudflareSanitize(JSON.parse(readFileSync(resolve(HAR_DIR, file), 'utf8')) as unknown);
    const events = harToEvents(parseHar(sanitized));
    const before = (await analyzeEvents(events)).report;
    expect(notes(before).flat().join('\n')).toMatch(/^state: [\s\S]*^code: /m);
    const imported = loadInputText(serializeTrace(await redactTrace(makeTrace(events))), 'redacted.trace.json');
    const after = (await analyzeEvents(imported.events, { redaction: imported.redaction })).report;
    expect(notes(after)).toEqual(notes(before));
  });

  it('keeps placeholders readable and still redacts a JWT whose signature a sanitizer removed', async () => {
    const sanitized = cloudflareSanitize(JSON.parse(readFileSync(resolve(HAR_DIR, 'confidential-success.har'), 'utf8')) as unknown);
    const text = serializeTrace(await redactTrace(makeTrace(harToEvents(parseHar(sanitized)))));
    expect(text).toContain('[state redacted]');
    expect(text).not.toMatch(/ey[\w-]+\.ey[\w-]+\.redacted/);
  });
});
