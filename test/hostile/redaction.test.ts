import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExportHar } from '../../cli/commands/export-har';
import { runRedact } from '../../cli/commands/redact';
import { commands } from '../../cli/commands';
import { main } from '../../cli/main';
import { describeInternalError } from '../../lib/errors';
import type { CapturedEvent } from '../../lib/model/event';
import { redactEvents } from '../../lib/trace/outside-flows';
import { buildExportFile, buildMarkdownSummary } from '../../lib/trace/export-build';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { CODE, STATE } from '../support/events';
import { bigHeaderLogin, deepJsonLogin, groupsLogin, hugeClaimLogin, longQueryLogin, xssLogin } from './redaction-inputs';

// Issue 12, redaction half: realistic and hostile inputs that crashed ("Regular expression too
// large", "Maximum call stack size exceeded") or hung (quadratic scrub patterns) the redaction.
// Each case finishes or fails: the timeouts are hang bounds, not speed targets (bench/ has those).
const HANG = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

async function redactedText(events: CapturedEvent[]): Promise<string> {
  return JSON.stringify((await redactEvents(events)).events);
}

describe('hostile input: redaction finishes, and the secret is gone', () => {
  it.each([24, 64])('an id_token with %i KB of groups (Entra / Okta users in many groups)', async (kb) => {
    const { events, idToken } = await groupsLogin(kb);
    expect(idToken.length).toBeGreaterThan(kb * 1024);
    const text = await redactedText(events);
    expect(text).not.toContain(idToken.split('.')[1]!.slice(0, 40));
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toContain(CODE);
  }, HANG);

  it('JSON bodies nested 10 000 levels (objects and arrays)', async () => {
    const text = await redactedText(deepJsonLogin(10_000));
    expect(text).not.toContain('deep-secret-leaf');
    expect(text).toContain('⟦removed⟧');
  }, HANG);

  it.each([
    [30, 'word'],
    [100, 'word'],
    [100, 'eyj'],
    [100, 'pairs'],
  ] as const)('a %i KB query value shaped as %s', async (kb, shape) => {
    const text = await redactedText(longQueryLogin(kb, shape));
    expect(text).not.toContain(STATE);
    expect(text.length).toBeGreaterThan(kb * 1024);
  }, HANG);

  it('a 1 MB request header', async () => {
    const text = await redactedText(bigHeaderLogin(1));
    expect(text).not.toContain(CODE);
    expect(text.length).toBeGreaterThan(1024 * 1024);
  }, HANG);

  it('a JWT with one 1 MB claim', async () => {
    const { events, token } = await hugeClaimLogin(1024);
    const text = await redactedText(events);
    expect(text).not.toContain(token.slice(0, 200));
    expect(text).not.toContain('x'.repeat(100));
  }, HANG);

  it('a trace of XSS payloads, including the panel exports built from it', async () => {
    const events = xssLogin();
    const text = await redactedText(events);
    expect(text).not.toContain('at-in-xss-page-0123456789');
    for (const format of ['trace', 'har'] as const) expect((await buildExportFile(format, events)).text).not.toContain(STATE);
    expect(await buildMarkdownSummary(events)).not.toContain(CODE);
  }, HANG);

  it('the CLI redacts and exports the 24 KB groups login', async () => {
    const { events, idToken } = await groupsLogin(24);
    const input = join(dir, 'groups.trace.json');
    writeFileSync(input, serializeTrace(makeTrace(events)));
    for (const [run, out] of [[runRedact, 'groups.redacted.json'], [runExportHar, 'groups.har']] as const) {
      const { out: printed, io } = sink();
      expect(await run([input, join(dir, out)], io)).toBe(0);
      expect(printed.stderr).toBe('');
      expect(readFileSync(join(dir, out), 'utf8')).not.toContain(idToken);
    }
  }, HANG);
});

describe('hostile input: errors say what failed and where, never the values', () => {
  const secrets = ['state-SECRET-4f9c2a', 'code-SECRET-77be01', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTRUNSRVQifQ.c2lnbmF0dXJl'];

  it('an internal error of a command prints its kind and place, not its message', async () => {
    const redact = commands['redact']!;
    commands['redact'] = async () => {
      throw new SyntaxError(`Invalid regular expression: /${secrets.join('|')}/: Regular expression too large`);
    };
    try {
      const { out, io } = sink();
      expect(await main(['redact', 'in.json', 'out.json'], io)).toBe(3);
      expect(out.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(out.stderr).toMatch(/^oauth-lens: internal error in redact \(SyntaxError( at [\w/.-]+\.ts:\d+)?\); please report it$/m);
      for (const s of secrets) expect(out.stderr).not.toContain(s);
    } finally {
      commands['redact'] = redact;
    }
  });

  it('a file that is not JSON is named with the position of the error, not its text', async () => {
    const input = join(dir, 'broken.json');
    writeFileSync(input, `{"events":[{"state":"${secrets[0]}" "code":"${secrets[1]}"}]}`);
    for (const run of [runRedact, runExportHar]) {
      const { out, io } = sink();
      expect(await run([input, join(dir, 'never.json')], io)).toBe(2);
      expect(out.stderr).toMatch(/broken\.json: not valid JSON/);
      for (const s of secrets) expect(out.stderr).not.toContain(s);
    }
  });

  it('describeInternalError keeps the kind and our own frame', () => {
    const error = new RangeError(`Maximum call stack size exceeded near ${secrets[2]}`);
    error.stack = `RangeError: ${error.message}\n    at walk (/x/node_modules/dep/index.js:1:2)\n    at redactJson (/home/u/oauth-lens/lib/redact/body.ts:77:12)`;
    expect(describeInternalError(error)).toBe('RangeError at lib/redact/body.ts:77');
    expect(describeInternalError('a thrown string')).toBe('string');
  });
});
