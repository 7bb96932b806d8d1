import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '../../lib/model/event';
import { BODIES_WITHOUT_DEVTOOLS, e2eLifecycle, expectFlow, expectOnlyFlow, expectNoneEverywhere, finding, formField, s256, type FlowExpectation } from './harness';
import { runScenario } from './run';

/**
 * Issue 6 scenarios 6, 7 and 8: token requests made from the browser that the provider refuses.
 * In Chrome, webRequest shows the request body and the status, never the response body; the
 * provider's JSON error reaches the extension only through the devtools page (DevTools open).
 * Firefox's background reads it itself (filterResponseData). Each test says which it relies on.
 */
const { demos, keep } = e2eLifecycle();


describe('token endpoint failures (browser exchange)', () => {
  const invalidClient: FlowExpectation = {
    clientId: 'demo-browser-confidential',
    grant: 'authorization_code',
    outcome: 'failed',
    steps: ['discovery', 'authorize', 'callback', 'token'],
    checks: ['error-response-invalid-client', 'client-secret-in-browser', 'token-request-failed'],
    absent: ['pkce-verifier-mismatch', 'code-reused', 'error-response-invalid-grant', 'state-mismatch'],
  };

  it('6. invalid client credentials: invalid_client explained with the authentication method used', async () => {
    const run = await runScenario('invalid-client', await demos.get('auto'), [invalidClient], { bodies: true, onSession: keep });
    const flow = expectOnlyFlow(run.analysis, invalidClient);
    expect(flow.steps.find((s) => s.kind === 'token')).toMatchObject({ method: 'POST', status: 401 });
    const invalid = finding(flow, 'error-response-invalid-client');
    expect(invalid.severity).toBe('error');
    expect(invalid.message).toContain('error=invalid_client');
    expect(invalid.message).toContain('HTTP 401');
    expect(invalid.message).toContain('client_secret_post');
    expect(finding(flow, 'token-request-failed').message).toContain('see error-response-invalid-client');
    expect(finding(flow, 'client-secret-in-browser').message).toContain('client_secret in the body');
    expectNoneEverywhere(run.analysis);
  });

  // Chromium only: in Firefox the background reads the token response anyway (filterResponseData).
  it.skipIf(BODIES_WITHOUT_DEVTOOLS)('6b. the same with capture alone: status 401 without a WWW-Authenticate header, so only the failure and the exposed secret', async () => {
    const capturedOnly: FlowExpectation = {
      ...invalidClient,
      checks: ['client-secret-in-browser', 'token-request-failed'],
      absent: [...(invalidClient.absent ?? []), 'error-response-invalid-client'],
    };
    const run = await runScenario('invalid-client', await demos.get('auto'), [capturedOnly], { onSession: keep });
    const flow = expectFlow(run.analysis.flows[0], capturedOnly);
    const failed = finding(flow, 'token-request-failed');
    expect(failed.message).toContain('HTTP 401');
    expect(failed.message).toMatch(/response body was not captured/);
    // oidc-provider sends no WWW-Authenticate for client_secret_post failures: nothing else to read.
    const trace = await run.session.rawTrace(run.tabId);
    const token = trace.events.find((e): e is RequestEvent => e.kind === 'request' && e.method === 'POST' && e.url.endsWith('/token'));
    expect(token?.responseHeaders?.some((h) => h.name.toLowerCase() === 'www-authenticate')).toBe(false);
    expect(token?.responseBody).toBeUndefined();
  });

  it('7. code redeemed twice: code reuse and invalid_grant', async () => {
    const want: FlowExpectation = {
      clientId: 'demo-spa',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['discovery', 'authorize', 'callback', 'token', 'token', 'userinfo'],
      checks: ['code-reused', 'error-response-invalid-grant', 'token-request-failed', 'error-response-invalid-token'],
      absent: ['pkce-verifier-mismatch', 'client-secret-in-browser', 'token-exchange-not-observable', 'state-mismatch'],
    };
    const run = await runScenario('code-reused', await demos.get('auto'), [want], { bodies: true, onSession: keep });
    const flow = expectOnlyFlow(run.analysis, want);
    expect(flow.steps.filter((s) => s.kind === 'token').map((s) => s.status)).toEqual([200, 400]);
    const code = new URL(flow.steps.find((s) => s.kind === 'callback')!.url).searchParams.get('code')!;
    const reused = finding(flow, 'code-reused');
    expect(reused.message).toContain(`"${code}" was sent in 2 token requests`);
    expect(reused.message).toMatch(/already used/);
    const invalidGrant = finding(flow, 'error-response-invalid-grant');
    expect(invalidGrant.message).toContain('error=invalid_grant');
    expect(invalidGrant.message).toMatch(/already sent in an earlier token request/);
    expectNoneEverywhere(run.analysis);
  });

  it('8. PKCE verifier that does not match the challenge: proven by recomputing S256 (capture alone)', async () => {
    const want: FlowExpectation = {
      clientId: 'demo-spa',
      grant: 'authorization_code',
      outcome: 'failed',
      steps: ['discovery', 'authorize', 'callback', 'token'],
      checks: ['pkce-verifier-mismatch', 'token-request-failed'],
      absent: ['code-reused', 'pkce-verifier-missing', 'pkce-verifier-malformed', 'client-secret-in-browser', 'state-mismatch'],
    };
    const run = await runScenario('pkce-mismatch', await demos.get('auto'), [want], { onSession: keep });
    const flow = expectOnlyFlow(run.analysis, want);
    const tokenStep = flow.steps.find((s) => s.kind === 'token')!;
    expect(tokenStep.status).toBe(400);
    const trace = await run.session.rawTrace(run.tabId);
    const token = trace.events.find((e): e is RequestEvent => e.kind === 'request' && e.id === tokenStep.eventId);
    const verifier = formField(token, 'code_verifier')!;
    const challenge = new URL(flow.steps.find((s) => s.kind === 'authorize')!.url).searchParams.get('code_challenge')!;
    expect(verifier).toBeTruthy();
    expect(s256(verifier)).not.toBe(challenge);
    const mismatch = finding(flow, 'pkce-verifier-mismatch');
    expect(mismatch.severity).toBe('error');
    // The finding shows the computation: the verifier, its S256 and the challenge it should equal.
    expect(mismatch.message).toContain(verifier);
    expect(mismatch.message).toContain(s256(verifier));
    expect(mismatch.message).toContain(challenge);
    expect(mismatch.message).toContain('SHA-256');
    expectNoneEverywhere(run.analysis);
  });
});
