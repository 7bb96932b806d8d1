import { browserTokens, paramsSeen } from './support/token-requests';
import { defineCheck } from './types';

/** RFC 7636 §4.5: a code bound to a challenge must be redeemed with its code_verifier. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Token request lacks the PKCE code_verifier',
  refs: [{ spec: 'RFC 7636', section: '4.5' }, { spec: 'RFC 7636', section: '4.6' }],
  cause: 'The verifier was lost: stored on another origin, not shared between popup and opener, server session lost, or memory cleared by a reload.',
  fix: 'Store the verifier per state in storage that survives the redirect on the callback origin.',
  messages: {
    verifierMissing: 'The authorization request (step {authorizeStep}) sent code_challenge "{codeChallenge}" ({codeChallengeMethod}), but the token request (step {tokenStep}) has no code_verifier; the server must refuse the code.',
  },
  run(flow, ctx) {
    const tokens = browserTokens(flow, ctx);
    const a = flow.authorize;
    if (!a) {
      if (tokens.length) ctx.notObservable('No authorization request was captured, so whether a code_challenge was sent is unknown.');
      return;
    }
    if (!a.codeChallenge) return;
    for (const t of tokens) {
      if (t.grantType !== 'authorization_code' || t.codeVerifier !== null) continue;
      if (!paramsSeen(flow, t)) continue;
      ctx.report({
        step: t.step,
        messageId: 'verifierMissing',
        data: { authorizeStep: a.step + 1, codeChallenge: a.codeChallenge, codeChallengeMethod: a.codeChallengeMethod ?? 'plain', tokenStep: t.step + 1 },
        evidence: [
          { label: 'code_challenge', value: a.codeChallenge, step: a.step },
          { label: 'code_verifier', value: '(missing)', expected: 'the verifier behind the challenge', step: t.step },
        ],
      });
    }
  },
});
