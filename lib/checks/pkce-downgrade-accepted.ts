import { browserTokens, tokenSucceeded } from './support/token-requests';
import { defineCheck } from './types';

/** RFC 9700 §4.8.2: a server must reject a code_verifier when no code_challenge was recorded. */
export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'Server accepted a code_verifier for a code issued without PKCE',
  refs: [{ spec: 'RFC 9700', section: '4.8' }],
  cause: 'The client dropped the code_challenge, and the authorization server does not enforce downgrade protection.',
  fix: 'Client: always send the challenge. Authorization server: reject a code_verifier when no challenge was recorded for the code.',
  messages: {
    downgradeAccepted: 'The authorization request (step {authorizeStep}) had no code_challenge, yet the token request (step {tokenStep}) sent code_verifier "{codeVerifier}" and the server issued tokens (HTTP {status}).',
  },
  run(flow, ctx) {
    const tokens = browserTokens(flow, ctx);
    const a = flow.authorize;
    if (!a) {
      if (tokens.some((t) => t.codeVerifier)) ctx.notObservable('No authorization request was captured, so whether it carried a code_challenge is unknown.');
      return;
    }
    if (a.codeChallenge) return;
    for (const t of tokens) {
      if (t.codeVerifier === null || t.grantType !== 'authorization_code' || !tokenSucceeded(t)) continue;
      ctx.report({
        step: t.step,
        messageId: 'downgradeAccepted',
        data: { authorizeStep: a.step + 1, tokenStep: t.step + 1, codeVerifier: t.codeVerifier, status: String(t.status) },
        evidence: [
          { label: 'code_challenge', value: '(none)', step: a.step },
          { label: 'code_verifier', value: t.codeVerifier, step: t.step },
        ],
      });
    }
  },
});
