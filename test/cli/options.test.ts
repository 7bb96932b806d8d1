import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { AnalysisReportSchema } from '../../lib/model/analysis';

// The command line itself: help, version, option errors, several inputs and standard input.
// In-process (cli/main.ts); test/cli/pack.test.ts runs the packed CLI as a process.

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/har', name);
const CLEAN = fixture('spa-pkce-success.har');
const FAILING = fixture('forged-state.har');
const MISSING = fixture('no-such-file.har');
const packageVersion = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

async function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await main(args, {
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
  });
  return { code, ...out };
}

describe('oauth-lens help and version', () => {
  it('--version prints the version of package.json', async () => {
    const { code, stdout, stderr } = await run(['--version']);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });

  it('--help lists every command; each command has its own --help', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['analyze', 'redact', 'export-har']) {
      expect(top.stdout).toContain(`oauth-lens ${command} `);
      const own = await run([command, '--help']);
      expect(own.code, command).toBe(0);
      expect(own.stdout.split('\n')[0], command).toMatch(new RegExp(`^usage: oauth-lens ${command} `));
      expect(own.stderr).toBe('');
    }
    // -h after other arguments still asks for help, and nothing is read.
    expect((await run(['analyze', MISSING, '-h'])).code).toBe(0);
  });
});

describe('oauth-lens usage mistakes', () => {
  it.each([
    [['analyze', CLEAN, '--frobnicate'], /^oauth-lens: unknown option --frobnicate; see oauth-lens analyze --help$/],
    [['analyze', CLEAN, '--json=yes'], /--json takes no value/],
    [['analyze', CLEAN, '--format'], /--format takes text or md, not \(nothing\)/],
    [['analyze', CLEAN, '--format=pdf'], /--format takes text or md, not pdf/],
    [['analyze'], /analyze takes at least one file/],
    [['analyze', '-', '-'], /standard input \(-\) can be read only once/],
    [['redact', CLEAN, 'out.json', '--wat'], /^oauth-lens: unknown option --wat; see oauth-lens redact --help$/],
    [['export-har', CLEAN], /export-har takes a trace and an output file/],
    [['frobnicate'], /^oauth-lens: unknown command frobnicate; see oauth-lens --help$/],
    [['--frobnicate'], /^oauth-lens: unknown option --frobnicate; see oauth-lens --help$/],
    [[], /no command given/],
  ])('%j exits 2 with one line saying what is wrong', async (args, pattern) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(pattern);
  });

  it('takes operands after -- as files, even when they look like options', async () => {
    const { code, stderr } = await run(['analyze', '--', '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^oauth-lens: --json: cannot read the file/);
  });
});

describe('oauth-lens analyze with several inputs', () => {
  it('prints one JSON array in argument order, with the error of an unreadable file, and exits with the highest status', async () => {
    const single = await run(['analyze', FAILING, '--json']);
    const { code, stdout, stderr } = await run(['analyze', CLEAN, MISSING, FAILING, '--json']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([`oauth-lens: ${MISSING}: cannot read the file (ENOENT)`]);
    const items = JSON.parse(stdout) as Array<{ file: string; analysis?: unknown; error?: string }>;
    expect(items.map((i) => i.file)).toEqual([CLEAN, MISSING, FAILING]);
    expect(items[1]).toEqual({ file: MISSING, error: `${MISSING}: cannot read the file (ENOENT)` });
    expect(AnalysisReportSchema.parse(items[0]!.analysis).flows.length).toBeGreaterThan(0);
    // Each element is exactly what the file alone prints.
    expect(items[2]!.analysis).toEqual(JSON.parse(single.stdout));
  });

  it('exits 1 when one file has an error-level finding and none is unreadable, 0 when all are clean', async () => {
    expect((await run(['analyze', CLEAN, FAILING, '--json'])).code).toBe(1);
    expect((await run(['analyze', CLEAN, CLEAN, '--json'])).code).toBe(0);
  });

  it('puts a "==> file <==" line before each file in text and Markdown, as head(1) does', async () => {
    for (const format of [[], ['--format', 'md']]) {
      const alone = await run(['analyze', FAILING, ...format]);
      const { stdout } = await run(['analyze', CLEAN, FAILING, MISSING, ...format]);
      const sections = stdout.split(/^==> (.*) <==\n/m);
      expect(sections[0]).toBe('');
      expect(sections.filter((_, i) => i % 2 === 1)).toEqual([CLEAN, FAILING, MISSING]);
      // Text and Markdown are redacted with a fresh key per run: tags match up to their HMAC.
      const untagged = (text: string) => text.replace(/⟦([^:⟧]+):[0-9a-f]+:/g, '⟦$1:…:');
      expect(untagged(sections[4]!)).toBe(untagged(`${alone.stdout}\n`));
      expect(sections[6]).toBe(`not analyzed: ${MISSING}: cannot read the file (ENOENT)\n`);
    }
  });
});

describe('oauth-lens reading standard input', () => {
  it('analyze - reads the input from stdin and prints what the file gives', async () => {
    const fromFile = await run(['analyze', FAILING, '--json']);
    const fromStdin = await run(['analyze', '-', '--json'], readFileSync(FAILING, 'utf8'));
    expect(fromStdin).toEqual(fromFile);
  });

  it('names stdin in messages and in several-input output', async () => {
    const bad = await run(['analyze', '-'], 'not json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^oauth-lens: stdin: not valid JSON/);
    const many = await run(['analyze', CLEAN, '-', '--json'], readFileSync(FAILING, 'utf8'));
    expect((JSON.parse(many.stdout) as Array<{ file: string }>).map((i) => i.file)).toEqual([CLEAN, 'stdin']);
  });

  it('redact - - reads stdin and writes the redacted trace to stdout', async () => {
    const { code, stdout } = await run(['redact', '-', '-'], readFileSync(FAILING, 'utf8'));
    expect(code).toBe(0);
    const trace = JSON.parse(stdout) as { format: string; redaction: { redacted: boolean } };
    expect(trace.format).toBe('oauth-lens-trace');
    expect(trace.redaction.redacted).toBe(true);
  });
});
