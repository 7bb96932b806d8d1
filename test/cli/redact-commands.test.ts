import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExportHar } from '../../cli/commands/export-har';
import { runRedact } from '../../cli/commands/redact';
import { parseTrace } from '../../lib/trace/trace-v1';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { codeFlow, CODE, STATE } from '../support/events';

const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-redact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

describe('oauth-lens redact / export-har', () => {
  const input = join(dir, 'in.json');
  writeFileSync(input, serializeTrace(makeTrace(codeFlow({ exchange: 'browser' }))));

  it('redact writes a valid redacted trace without the secrets', async () => {
    const { out, io: sink } = io();
    const target = join(dir, 'out.json');
    expect(await runRedact([input, target], sink)).toBe(0);
    const text = readFileSync(target, 'utf8');
    const trace = parseTrace(JSON.parse(text));
    expect(trace.redaction.redacted).toBe(true);
    expect(trace.redaction.derived.length).toBeGreaterThan(0);
    expect(text).not.toContain(CODE);
    expect(text).not.toContain(STATE);
    expect(out.stdout).toMatch(/^wrote /);
  });

  it('export-har redacts by default and warns when told not to', async () => {
    const { out, io: sink } = io();
    const target = join(dir, 'out.har');
    expect(await runExportHar([input, target], sink)).toBe(0);
    const har = JSON.parse(readFileSync(target, 'utf8'));
    expect(har.log._redacted).toBe(true);
    expect(JSON.stringify(har)).not.toContain(CODE);
    expect(out.stderr).toBe('');
    const raw = io();
    expect(await runExportHar([input, target, '--no-redact'], raw.io)).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain(CODE);
    expect(raw.out.stderr).toMatch(/NOT redacted/);
  });

  it('exits 2 with one clear line for bad input or usage', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"oauth-lens-trace","version":9,"events":[]}');
    for (const args of [[join(dir, 'missing.json'), join(dir, 'x.json')], [bad, join(dir, 'x.json')], [input]]) {
      for (const run of [runRedact, runExportHar]) {
        const { out, io: sink } = io();
        expect(await run(args, sink)).toBe(2);
        expect(out.stderr.trim().split('\n')[0]).toMatch(/^oauth-lens: \S/);
        expect(out.stderr).not.toMatch(/\n\s+at /);
      }
    }
  });
});
