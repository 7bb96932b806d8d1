import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { startDemo, type Demo } from '../../demo/index';
import { AnalysisReportSchema } from '../../lib/model/analysis';

// `analyze --fetch-metadata` against the real provider of demo/: a recorded login whose capture
// has no discovery document gets its issuer's metadata fetched (and only its issuer's).

const HAR = resolve(import.meta.dirname, '../fixtures/har/confidential-success.har');
const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-fetch-'));
let demo: Demo;

beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function analyze(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['analyze', ...args, '--json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, report: AnalysisReportSchema.parse(JSON.parse(out.join(''))), stderr: err.join('') };
}

/** The recorded HAR, pointed at the live provider (the recording's provider is gone). */
async function liveHar(): Promise<string> {
  const recorded = (await analyze([HAR])).report.flows[0]!.issuer!;
  const path = join(dir, 'live.har');
  // host:port also appears percent-encoded (`127.0.0.1%3APORT` in the callback's iss).
  const [from, to] = [new URL(recorded), new URL(demo.issuer)];
  let text = readFileSync(HAR, 'utf8');
  for (const sep of [':', '%3A']) text = text.split(`${from.hostname}${sep}${from.port}`).join(`${to.hostname}${sep}${to.port}`);
  writeFileSync(path, text);
  return path;
}

describe('oauth-lens analyze --fetch-metadata', () => {
  it('fetches the discovery document and JWKS of the flow issuer and analyses with them', async () => {
    const path = await liveHar();
    const without = await analyze([path]);
    expect(without.report.flows[0]!.steps.some((s) => s.kind === 'discovery')).toBe(false);
    const withMeta = await analyze([path, '--fetch-metadata']);
    const flow = withMeta.report.flows[0]!;
    expect(flow.issuer).toBe(demo.issuer);
    expect(flow.steps.filter((s) => s.kind === 'discovery').map((s) => s.url)).toEqual([`${demo.issuer}/.well-known/openid-configuration`]);
    expect(flow.steps.some((s) => s.kind === 'jwks' && s.url.startsWith(demo.issuer))).toBe(true);
    expect(withMeta.code).toBe(0);
    expect(flow.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(withMeta.stderr).toBe('');
  });

  it('reports an unreachable issuer on stderr and as a metadata finding, without failing the run', async () => {
    const path = await liveHar();
    await demo.close();
    const result = await analyze([path, '--fetch-metadata']);
    demo = await startDemo();
    expect(result.stderr).toMatch(/--fetch-metadata: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration/);
    expect(result.report.flows[0]!.findings.map((f) => f.check)).toContain('discovery-fetch-failed');
  });
});
