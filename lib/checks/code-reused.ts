import type { Flow } from '../model/flow';
import { browserTokens, describeTokenError, tokenSucceeded, tokenUsesAcrossFlows, type TokenUse } from './support/token-requests';
import { defineCheck } from './types';

/** Every token request of the capture that redeems `code`, oldest first. */
function usesOf(code: string, flows: readonly Flow[]): TokenUse[] {
  return tokenUsesAcrossFlows(flows, (token) => token.code === code && token.grantType !== 'refresh_token');
}

/** RFC 6749 §4.1.2: "The client MUST NOT use the authorization code more than once." */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Authorization code redeemed more than once',
  refs: [{ spec: 'RFC 6749', section: '4.1.2' }, { spec: 'RFC 6749', section: '10.5' }],
  cause: 'A double effect (React StrictMode, two listeners), a reload of the callback page, retry logic, or front end and back end both redeeming.',
  fix: 'Redeem exactly once and clear the code from the URL and state before any retry. The authorization server may revoke the tokens already issued from that code.',
  messages: {
    codeReused: 'The code "{code}" was sent in {count} token requests ({outcomes}).{refusal}',
  },
  run(flow, ctx) {
    const seen = new Set<string>();
    for (const t of browserTokens(flow, ctx)) {
      if (t.code === null || seen.has(t.code)) continue;
      seen.add(t.code);
      const uses = usesOf(t.code, ctx.analysis.flows);
      // Report once, on the flow holding the last redemption.
      if (uses.length < 2 || uses[uses.length - 1]!.flow !== flow) continue;
      const label = (u: TokenUse) => `${u.flow === flow ? '' : `flow ${u.flow.id} `}step ${u.token.step + 1}`;
      const outcomes = uses.map((u) => {
        const error = describeTokenError(u.token);
        return `${label(u)}: ${tokenSucceeded(u.token) ? `HTTP ${u.token.status}, tokens issued` : error ? `refused with ${error}` : `failed (HTTP ${u.token.status ?? u.token.networkError ?? 'unknown'})`}`;
      });
      const last = uses[uses.length - 1]!;
      ctx.report({
        step: last.token.step,
        messageId: 'codeReused',
        data: { code: t.code, count: uses.length, outcomes: outcomes.join('; '), refusal: last.token.response?.error === 'invalid_grant' ? ' The later request was refused with invalid_grant because the code was already used.' : '' },
        evidence: uses.map((u) => ({ label: `code in ${label(u)}`, value: t.code!, ...(u.flow === flow ? { step: u.token.step } : {}) })),
      });
    }
  },
});
