import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { formatFlow } from '../../lib/format/text';
import { PROVIDER_LOGINS } from '../support/provider-logins';

// GitHub's authorize URL has no response_type: its endpoint only runs the code grant. A capture
// that ends before the callback (the user is still on GitHub's consent page) still names the
// grant, and the CLI names the server the login went to when no issuer is known (OAuth Apps have none).
const github = PROVIDER_LOGINS.find((l) => l.provider === 'github')!;
const authorizeIndex = github.events.findIndex((e) => e.kind === 'request' && e.url.startsWith('https://github.com/login/oauth/authorize'));

describe('a GitHub login cut before its callback', () => {
  it('is an authorization-code flow at github.com', async () => {
    const cut = github.events.slice(0, authorizeIndex + 2);
    const { report } = await analyzeEvents(cut);
    const flow = report.flows.find((f) => f.steps.some((s) => s.kind === 'authorize'))!;
    expect(flow.grant).toBe('authorization_code');
    expect(flow.issuer).toBeNull();
    expect(formatFlow(flow).split('\n')[0]).toContain('at github.com (');
  });

  it('an authorize request without response_type at an unprofiled server stays unknown', async () => {
    const elsewhere = github.events.slice(0, authorizeIndex + 2).map((e) => (e.kind === 'request' ? { ...e, url: e.url.replace('https://github.com/login/oauth/authorize', 'https://sso.example.org/authorize') } : e));
    const { report } = await analyzeEvents(elsewhere);
    const flow = report.flows.find((f) => f.steps.some((s) => s.kind === 'authorize'));
    expect(flow?.grant ?? 'unknown').toBe('unknown');
  });
});
