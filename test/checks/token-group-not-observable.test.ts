import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { runChecks } from '../../lib/checks/engine';
import { CHECKS } from '../../lib/checks/index';
import { codeFlow } from '../support/events';

const TOKEN_CHECKS = CHECKS.filter((c) => c.section === 'token');

/** docs/architecture.md "Correlating flows" step 8: with a server-side exchange, token-side checks say "not observable", never fail. */
const TOKEN_SIDE = [
  'code-exchanged-late',
  'code-reused',
  'pkce-downgrade-accepted',
  'pkce-verifier-malformed',
  'pkce-verifier-mismatch',
  'pkce-verifier-missing',
  'refresh-token-reuse',
  'token-endpoint-cors-blocked',
  'token-request-failed',
  'token-request-malformed',
  'token-response-cacheable',
  'token-response-incomplete',
  'id-token-malformed',
  'nonce-mismatch',
  'id-token-expired',
];

describe('token group on a server-side exchange', () => {
  it('reports not-observable for the token-side checks and no failures', async () => {
    const { flows, context } = await analyzeEvents(codeFlow({ exchange: 'server' }), {}, []);
    const flow = flows[0]!;
    expect(flow.tokenExchange).toBe('not-observable');
    const run = runChecks(TOKEN_CHECKS, flow, context);
    expect(run.findings.map((f) => f.check)).toEqual(['token-exchange-not-observable']);
    const said = new Set(run.notObservable.map((n) => n.check));
    for (const id of TOKEN_SIDE) expect(said.has(id), id).toBe(true);
  });

  it('says nothing is unobservable when the browser redeemed the code', async () => {
    const { flows, context } = await analyzeEvents(codeFlow({ exchange: 'browser' }), {}, []);
    expect(runChecks(TOKEN_CHECKS, flows[0]!, context).notObservable).toEqual([]);
  });
});
