import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { PROVIDER_PROFILES } from '../../lib/providers/profiles';
import { PROVIDER_LOGINS } from '../support/provider-logins';

// Issue 17 "done when": no clean login of any provider in the profiles gets an error-level finding.
// The logins are hand-built from each provider's documentation (test/support/provider-logins.ts).

describe('clean logins at every profiled provider', () => {
  it('covers every provider profile', () => {
    const covered = new Set(PROVIDER_LOGINS.map((l) => l.provider.split(' ')[0]));
    expect(PROVIDER_PROFILES.map((p) => p.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(PROVIDER_LOGINS.map((l) => [l.provider, l] as const))('%s: completed, no error-level finding', async (_name, login) => {
    const { report } = await analyzeEvents(login.events);
    const flows = report.flows.filter((f) => f.steps.some((s) => s.kind === 'authorize'));
    expect(flows).toHaveLength(login.flows ?? 1);
    for (const flow of flows) {
      expect(flow.findings.filter((f) => f.severity === 'error').map((f) => `${f.check}: ${f.message}`)).toEqual([]);
      expect(flow.outcome).toBe('success');
    }
  });
});
