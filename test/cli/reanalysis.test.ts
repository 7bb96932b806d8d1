import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { AnalysisReportSchema, type AnalysisReport } from '../../lib/model/analysis';

// `oauth-lens analyze` on a file made by `oauth-lens redact` or `export-har` reads the manifest
// in it, so the verdicts equal those on the raw recording (docs/trace-format.md "Derived relations").

const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-reanalysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/har', name);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await main(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) });
  return { code, ...out };
}

async function verdicts(file: string): Promise<{ code: number; flows: string[] }> {
  const { code, stdout, stderr } = await run(['analyze', file, '--json']);
  expect(stderr).toBe('');
  const report: AnalysisReport = AnalysisReportSchema.parse(JSON.parse(stdout));
  return { code, flows: report.flows.map((f) => `${f.outcome}: ${f.findings.map((x) => `${x.check}/${x.severity}`).sort().join(' ')}`) };
}

describe.each(['pkce-mismatch.har', 'spa-two-tabs-verifier-overwritten.har', 'spa-pkce-success.har'])('oauth-lens analyze on redacted %s', (name) => {
  it('redact → analyze and export-har → analyze give the raw verdicts', async () => {
    const raw = await verdicts(fixture(name));
    const trace = join(dir, `${name}.trace.json`);
    const har = join(dir, `${name}.redacted.har`);
    expect((await run(['redact', fixture(name), trace])).code).toBe(0);
    expect((await run(['export-har', trace, har])).code).toBe(0);
    expect(await verdicts(trace)).toEqual(raw);
    expect(await verdicts(har)).toEqual(raw);
  });
});
