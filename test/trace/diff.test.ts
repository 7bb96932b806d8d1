import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { redactEvents } from '../../lib/trace/outside-flows';
import { diffFlows, diffReports } from '../../lib/trace/diff';
import { codeFlow } from '../support/events';

const reportOf = async (events: Parameters<typeof analyzeEvents>[0]) => (await analyzeEvents(events)).report;

describe('diff', () => {
  it('finds parameter, redirect_uri, scope, step and finding differences', async () => {
    const working = await reportOf(codeFlow({ exchange: 'browser' }));
    const failing = await reportOf(
      codeFlow({
        authorizeParams: { redirect_uri: 'https://app.example.com/cb2', scope: 'openid email offline_access', prompt: 'login' },
        callbackParams: { state: 'forged-state-value-123' },
        exchange: 'none',
      }),
    );
    const d = diffFlows(working.flows[0]!, failing.flows[0]!);
    expect(d).toContainEqual({ kind: 'field', field: 'redirectUri', left: 'https://app.example.com/callback', right: 'https://app.example.com/cb2' });
    expect(d).toContainEqual({ kind: 'authorize-param', name: 'prompt', left: null, right: 'login' });
    expect(d).toContainEqual({ kind: 'scope', onlyLeft: ['profile'], onlyRight: ['offline_access'] });
    expect(d).toContainEqual({ kind: 'step', step: 'token', left: 1, right: 0 });
    expect(d.some((x) => x.kind === 'finding' && x.check === 'state-mismatch' && x.side === 'right')).toBe(true);
  });

  it('reports nothing for two logins that differ only in per-login values, even across redacted exports', async () => {
    const a = await reportOf((await redactEvents(codeFlow())).events);
    const b = await reportOf((await redactEvents(codeFlow({ authorizeParams: { state: 'Zm9vYmFyYmF6cXV4cXV1eA-state-9999', nonce: 'n-0S6_WzA2Mj-nonce-99' } }))).events);
    expect(diffReports(a, b)).toEqual([{ left: a.flows[0]!.id, right: b.flows[0]!.id, differences: [] }]);
  });

  it('pairs flows by client and lists unpaired ones', async () => {
    const a = await reportOf(codeFlow());
    const empty = { version: 2 as const, flows: [], findings: [] };
    expect(diffReports(a, empty)).toEqual([{ left: a.flows[0]!.id, right: null, differences: [] }]);
  });
});

describe('per-login values', () => {
  it('does not report two random nonces of one length as a difference, whatever characters they happen to use', async () => {
    const a = (await analyzeEvents(codeFlow({ authorizeParams: { nonce: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } }))).report.flows[0]!;
    const b = (await analyzeEvents(codeFlow({ authorizeParams: { nonce: 'abcdefghijklmnopqrstuvwxyz0123456789ABCD-_G' } }))).report.flows[0]!;
    expect(diffFlows(a, b).filter((d) => JSON.stringify(d).includes('nonce'))).toEqual([]);
  });
});
