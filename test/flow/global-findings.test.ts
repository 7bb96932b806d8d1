import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { AS, codeFlow, hop } from '../support/events';

describe('capture-wide findings', () => {
  it('reports a failed discovery fetch that no login followed at the top level', async () => {
    const failed = hop({ url: 'https://login.other-idp.example/.well-known/openid-configuration', type: 'xmlhttprequest', status: 0, error: 'net::ERR_FAILED' });
    const { report } = await analyzeEvents([failed]);
    expect(report.flows).toHaveLength(0);
    expect(report.findings.map((f) => f.check)).toEqual(['discovery-fetch-failed']);
    expect(report.findings[0]!.message).toContain('net::ERR_FAILED');
  });

  it('stays silent for a working discovery fetch and for one that belongs to a flow', async () => {
    const ok = hop({ url: `${AS}/.well-known/openid-configuration`, type: 'xmlhttprequest', responseJson: { issuer: AS } });
    const { report } = await analyzeEvents([ok, ...codeFlow()]);
    expect(report.findings).toEqual([]);
  });
});
