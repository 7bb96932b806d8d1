import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { AS, CODE, codeFlow, NONCE, STATE, VERIFIER } from '../support/events';

// Issue 12: "analyze --format md and the text output are not redacted at all" — they are now,
// unless --no-redact asks for raw values; --json stays the raw document for tools.
const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-analyze-redacted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HINT = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJoaW50LXN1YmplY3QtNzcifQ.';
const events = codeFlow({
  exchange: 'browser',
  authorizeParams: { id_token_hint: HINT },
  callbackUrl: 'https://alice:Pa55-word-0987@app.example.com/callback',
  callbackParams: { state: 'forged-state-value-123456' },
});
const file = join(dir, 'login.trace.json');
writeFileSync(file, serializeTrace(makeTrace(events)));
const RAW = [CODE, STATE, NONCE, VERIFIER, 'Pa55-word-0987', 'forged-state-value-123456', HINT.slice(0, 30)];

async function analyze(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['analyze', file, ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('oauth-lens analyze: text and Markdown are redacted by default', () => {
  it.each([[[]], [['--format', 'md']]])('%j holds tags, not values, and the same findings', async (format) => {
    const redacted = await analyze(...format);
    const raw = await analyze(...format, '--no-redact');
    expect(redacted.code).toBe(raw.code);
    expect(raw.stdout).toContain(CODE);
    for (const value of RAW) expect(redacted.stdout, value).not.toContain(value);
    expect(redacted.stdout).toMatch(/⟦state:[0-9a-f]{12}:\d+:/);
    expect(redacted.stdout).toContain('state-mismatch');
    expect(redacted.stdout).toContain(AS);
  });

  it('--json keeps the raw document', async () => {
    expect((await analyze('--json')).stdout).toContain(CODE);
  });
});
