import { describe, expect, it } from 'vitest';
import { e2eLifecycle, ExtensionSession, expectFlow, expectNoneEverywhere, finding, scenario, type FlowExpectation } from './harness';
import { satisfied } from './run';

/**
 * Issue 6 scenario 5: two logins of one client in two tabs, where the app keeps a single
 * transaction slot so the second login overwrites the first one's state. The extension must
 * name it as such — which needs both tabs, so the background is asked about every tab.
 */
const { demos, keep } = e2eLifecycle();

async function runBothTabs(name: string, expected: FlowExpectation[]) {
  const demo = await demos.get('form');
  const session = keep(await ExtensionSession.launch());
  await scenario(name).run(session.driver, demo);
  const analysis = await session.settledAnalysis(undefined, (a) => satisfied(a, expected));
  await session.dump(name);
  return analysis;
}

describe('concurrent logins of one client', () => {
  it('5. two tabs, the second login overwrites the first one\'s state: named as such', async () => {
    const first: FlowExpectation = {
      clientId: 'demo-web',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['authorize', 'login', 'callback'],
      checks: ['multiple-concurrent-flows-same-client'],
      // The provider returned each tab's own state: the mismatch is inside the app, not in the traffic.
      absent: ['state-mismatch', 'unsolicited-callback', 'error-response-access-denied'],
    };
    const second: FlowExpectation = {
      clientId: 'demo-web',
      grant: 'authorization_code',
      outcome: 'success',
      steps: ['authorize', 'callback'],
      checks: ['token-exchange-not-observable'],
      absent: ['state-mismatch', 'unsolicited-callback', 'multiple-concurrent-flows-same-client'],
      noErrors: true,
    };
    const analysis = await runBothTabs('two-tabs-state-overwritten', [first, second]);
    expect(analysis.flows).toHaveLength(2);
    const [f1, f2] = [expectFlow(analysis.flows[0], first), expectFlow(analysis.flows[1], second)];
    const tab = (f: typeof f1) => f.steps.find((s) => s.kind === 'authorize')!.tabId;
    expect(tab(f1)).not.toBe(tab(f2));
    // They overlap: the second authorization request went out before the first callback arrived.
    const time = (f: typeof f1, kind: string) => f.steps.find((s) => s.kind === kind)!.time;
    expect(time(f2, 'authorize')).toBeLessThan(time(f1, 'callback'));
    // Each callback carries its own flow's state.
    const state = (f: typeof f1, kind: string) => new URL(f.steps.find((s) => s.kind === kind)!.url).searchParams.get('state');
    expect(state(f1, 'callback')).toBe(state(f1, 'authorize'));
    expect(state(f2, 'callback')).toBe(state(f2, 'authorize'));
    const named = finding(f1, 'multiple-concurrent-flows-same-client');
    expect(named.severity).toBe('warning');
    expect(named.message).toMatch(/second login overwrote the first one's stored state/);
    expect(named.message).toContain(`flows ${f1.id} and ${f2.id}`);
    expectNoneEverywhere(analysis);
  });

  it('5b. the SPA variant: one shared PKCE verifier slot, the first tab redeems with the second tab\'s verifier', async () => {
    const first: FlowExpectation = {
      clientId: 'demo-spa',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['authorize', 'callback', 'token'],
      checks: ['pkce-verifier-mismatch', 'token-request-failed', 'multiple-concurrent-flows-same-client'],
      absent: ['code-reused', 'state-mismatch', 'pkce-verifier-missing'],
    };
    const second: FlowExpectation = {
      clientId: 'demo-spa',
      grant: 'authorization_code',
      outcome: 'success',
      steps: ['authorize', 'callback', 'token', 'userinfo'],
      checks: [],
      absent: ['pkce-verifier-mismatch', 'code-reused', 'token-request-failed', 'state-mismatch'],
      noErrors: true,
    };
    const analysis = await runBothTabs('spa-two-tabs-verifier-overwritten', [first, second]);
    expect(analysis.flows).toHaveLength(2);
    const f1 = expectFlow(analysis.flows[0], first);
    const f2 = expectFlow(analysis.flows[1], second);
    expect(finding(f1, 'multiple-concurrent-flows-same-client').message).toContain(`its token request sends the code_verifier of flow ${f2.id}`);
    expectNoneEverywhere(analysis);
  });
});
