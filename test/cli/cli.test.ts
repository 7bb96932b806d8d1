import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { useCompiledCli } from '../support/compiled-cli';
import { makeTrace, serializeTrace, TOOL } from '../../lib/trace/trace-v1';
import { codeFlow } from '../support/events';
import { eventTime } from '../../lib/model/event';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The compiled CLI, as `npm pack` ships it: a process per case, as a user runs it.
const compiled = useCompiledCli();

async function cli(args: string[], bin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await (bin ? run(bin, args, { cwd: dir }) : run(process.execPath, [compiled.file, ...args], { cwd: compiled.dir, maxBuffer: 64 * 1024 * 1024 }));
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('oauth-lens CLI', () => {
  it('analyze --json prints the analysis document and exits 0 on a clean flow', async () => {
    const events = codeFlow();
    const path = file('clean.json', serializeTrace(makeTrace(events)));
    const { code, stdout } = await cli(['analyze', path, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.version).toBe(2);
    expect(doc.flows).toHaveLength(1);
    expect(doc.flows[0]).toMatchObject({ grant: 'authorization_code', clientId: 'web-app', outcome: 'success' });
    expect(doc.flows[0].steps[0]).toEqual(expect.objectContaining({ kind: 'app', method: 'GET', status: 302, time: eventTime(events[0]!) }));
    // Times are milliseconds since the epoch, as in the trace.
    expect(doc.flows[0].startTime).toBe(eventTime(events[0]!));
  });

  it('exits 1 when there is an error-level finding and prints it under its step', async () => {
    const path = file('forged.json', serializeTrace(makeTrace(codeFlow({ callbackParams: { state: 'forged-state-value-123' } }))));
    const { code, stdout } = await cli(['analyze', path]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/callback[\s\S]*✖ error state-mismatch/);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated', '{"format":"oauth-lens-trace","version":1,"events":[{"kind":', /truncated/],
    ['wrong shape', '{"something":"else"}', /neither an OAuth Lens trace/],
    ['unknown version', '{"format":"oauth-lens-trace","version":2,"events":[]}', /version 2 is not supported/],
    ['bad event', '{"format":"oauth-lens-trace","version":1,"createdAt":"x","tool":{"name":"a","version":"1"},"redaction":{"redacted":false},"events":[{"kind":"request"}]}', /trace\.events\[0\]/],
  ])('exits 2 with one clear line for %s', async (_name, content, pattern) => {
    const { code, stderr } = await cli(['analyze', file(`bad-${_name.replace(/ /g, '-')}.json`, content)]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 2 for a missing file and for a 50 MB non-HAR file, without a stack trace', async () => {
    const missing = await cli(['analyze', join(dir, 'nope.har')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
    const big = file('big.har', `{"log":{"entries":[${'{"x":1},'.repeat(6_500_000)}{"x":1}]}}`);
    const result = await cli(['analyze', big]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/invalid HAR: har\.log\.entries\[0\]/);
  }, 60_000);

  it('runs from the sources through bin/oauth-lens in a checkout, from any directory', async () => {
    const { code, stdout } = await cli(['--version'], join(__dirname, '..', '..', 'bin', 'oauth-lens'));
    expect({ code, stdout }).toEqual({ code: 0, stdout: `${TOOL.version}\n` });
  });

  it('exits 2 with usage for unknown commands and options', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['analyze', '--format', 'pdf', 'x'])).stderr).toMatch(/--format takes text or md/);
  });
});
