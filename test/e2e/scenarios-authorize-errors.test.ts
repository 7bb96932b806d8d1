import { describe, expect, it } from 'vitest';
import { BODIES_WITHOUT_DEVTOOLS, e2eLifecycle, expectFlow, expectOnlyFlow, expectNoneEverywhere, finding, type FlowExpectation } from './harness';
import { runScenario } from './run';

/**
 * Issue 6 scenarios 3, 4, 10, 11 and 12: logins that fail before any token is issued, as the
 * extension sees them in real Chromium and Firefox against the real provider.
 */
const { demos, keep } = e2eLifecycle();

describe('failures at the authorization endpoint and the callback', () => {
  const wrongRedirect: FlowExpectation = {
    clientId: 'demo-web',
    grant: 'authorization_code',
    outcome: 'failed',
    steps: ['authorize'],
    checks: ['redirect-uri-not-registered-hint', 'callback-never-reached'],
    absent: ['state-mismatch', 'redirect-uri-mismatch', 'token-exchange-not-observable', 'error-response-access-denied'],
  };

  it('3. redirect_uri not registered: provider error page, flow failed with the redirect_uri finding', async () => {
    const demo = await demos.get('auto');
    // The refusal is in the error page's text: forwarded by the devtools page in Chromium, read by the background in Firefox.
    const run = await runScenario('wrong-redirect-uri', demo, [wrongRedirect], { bodies: true, onSession: keep });
    const flow = expectOnlyFlow(run.analysis, wrongRedirect);
    expect(flow.steps.filter((s) => s.kind === 'callback')).toEqual([]);
    const authorize = flow.steps.find((s) => s.kind === 'authorize')!;
    expect(authorize.status).toBe(400);
    const sent = new URL(authorize.url).searchParams.get('redirect_uri');
    expect(sent).toMatch(/\/cb\/unregistered$/);
    const hint = finding(flow, 'redirect-uri-not-registered-hint');
    expect(hint.severity).toBe('error');
    expect(hint.message).toContain(`"${sent}"`);
    expect(hint.message).toContain("redirect_uri did not match any of the client's registered redirect_uris");
    expect(finding(flow, 'callback-never-reached').message).toMatch(/authorization-server error page/);
    expectNoneEverywhere(run.analysis);
  });

  // Chromium only: Firefox reads the error page in the background (filterResponseData), DevTools or not.
  it.skipIf(BODIES_WITHOUT_DEVTOOLS)('3b. the same without DevTools: the error page is seen (HTTP 400), its text is not; the finding names client_id and redirect_uri', async () => {
    const demo = await demos.get('auto');
    const capturedOnly: FlowExpectation = { ...wrongRedirect, checks: ['callback-never-reached'], absent: [...(wrongRedirect.absent ?? []), 'redirect-uri-not-registered-hint'] };
    const run = await runScenario('wrong-redirect-uri', demo, [capturedOnly], { onSession: keep });
    const flow = expectFlow(run.analysis.flows[0], capturedOnly);
    const message = finding(flow, 'callback-never-reached').message;
    expect(message).toMatch(/authorization-server error page.*HTTP 400/);
    // Without the text, RFC 6749 §4.1.2.1's two causes, each with the value the app sent (issue 17 point 5).
    const sent = new URL(flow.steps.find((s) => s.kind === 'authorize')!.url).searchParams.get('redirect_uri');
    expect(message).toContain('RFC 6749 §4.1.2.1');
    expect(message).toContain('client_id "demo-web"');
    expect(message).toContain(`redirect_uri "${sent}"`);
  });

  it('4. forged state delivered to the callback: state mismatch', async () => {
    const want: FlowExpectation = {
      clientId: 'demo-web',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['authorize', 'callback'],
      checks: ['state-mismatch'],
      absent: ['unsolicited-callback', 'iss-param-mismatch', 'state-missing-in-response', 'error-response-access-denied', 'code-reused'],
    };
    const run = await runScenario('forged-state', await demos.get('auto'), [want], { onSession: keep });
    const flow = expectOnlyFlow(run.analysis, want);
    const sent = new URL(flow.steps.find((s) => s.kind === 'authorize')!.url).searchParams.get('state')!;
    const callback = flow.steps.find((s) => s.kind === 'callback')!;
    const returned = new URL(callback.url).searchParams.get('state')!;
    expect(returned).not.toBe(sent);
    expect(callback.status).toBe(400);
    const mismatch = finding(flow, 'state-mismatch');
    expect(mismatch.severity).toBe('error');
    expect(mismatch.message).toContain(`"${returned}"`);
    expect(mismatch.message).toContain(`"${sent}"`);
    expectNoneEverywhere(run.analysis);
  });

  it('10. the user denies consent on the provider page: access_denied', async () => {
    const want: FlowExpectation = {
      clientId: 'demo-web',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['authorize', 'login', 'callback'],
      checks: ['error-response-access-denied'],
      absent: ['state-mismatch', 'iss-param-missing', 'redirect-uri-not-registered-hint', 'callback-never-reached', 'token-exchange-not-observable', 'redirect-307-credentials', 'ropc-grant-used'],
    };
    // `form` interaction: the driver types the credentials and presses Deny, like a person.
    const run = await runScenario('access-denied', await demos.get('form'), [want], { onSession: keep });
    const flow = expectOnlyFlow(run.analysis, want);
    expect(new URL(flow.steps.find((s) => s.kind === 'callback')!.url).searchParams.get('error')).toBe('access_denied');
    const denied = finding(flow, 'error-response-access-denied');
    expect(denied.message).toContain('error=access_denied');
    expect(denied.message).toMatch(/declined/);
    expectNoneEverywhere(run.analysis);
  });

  it('11. prompt=none with no session, in an iframe: login_required explained', async () => {
    const want: FlowExpectation = {
      clientId: 'demo-spa',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['discovery', 'authorize', 'callback'],
      checks: ['error-response-login-required'],
      absent: ['third-party-cookie-blocked-silent-renew', 'authz-page-framing-blocked', 'callback-never-reached', 'state-mismatch', 'iss-param-missing', 'token-exchange-not-observable'],
    };
    const run = await runScenario('prompt-none-login-required', await demos.get('auto'), [want], { onSession: keep });
    const flow = expectOnlyFlow(run.analysis, want);
    const authorize = flow.steps.find((s) => s.kind === 'authorize')!;
    expect(authorize.context).toBe('iframe');
    expect(authorize.frameId).not.toBe(0);
    expect(new URL(authorize.url).searchParams.get('prompt')).toBe('none');
    expect(flow.steps.find((s) => s.kind === 'callback')!.context).toBe('iframe');
    const loginRequired = finding(flow, 'error-response-login-required');
    expect(loginRequired.message).toContain('error=login_required');
    expect(loginRequired.message).toMatch(/hidden iframe with prompt=none/);
    expectNoneEverywhere(run.analysis);
  });

  it('12. form_post callback without the SameSite=Lax state cookie: cookie dropped on a cross-site POST', async () => {
    const want: FlowExpectation = {
      clientId: 'demo-form-post',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['authorize', 'callback'],
      // loopback-uses-localhost-name is left out: the app on http://localhost itself started the
      // login, which that check deliberately does not flag (RFC 8252 §8.3 is about native apps).
      checks: ['samesite-cookie-dropped'],
      absent: ['response-mode-unsupported', 'state-mismatch', 'callback-never-reached'],
    };
    const demo = await demos.get('auto');
    const run = await runScenario('form-post-cookie-dropped', demo, [want], { onSession: keep });
    const flow = expectOnlyFlow(run.analysis, want);
    const callback = flow.steps.find((s) => s.kind === 'callback')!;
    expect(callback).toMatchObject({ method: 'POST', status: 400 });
    expect(callback.url.startsWith(demo.rpAltUrl)).toBe(true);
    const dropped = finding(flow, 'samesite-cookie-dropped');
    expect(dropped.severity).toBe('error');
    expect(dropped.message).toContain('"rp_form_tx" (SameSite=Lax)');
    expect(dropped.message).toMatch(/cross-site form_post/);
    expectNoneEverywhere(run.analysis);
  });
});
