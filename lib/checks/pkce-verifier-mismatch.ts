import { matchProviderError, providerErrorPointsTo } from '../diagnosis/match-provider-error';
import { browserTokens, tokenError, tokenErrorText } from './support/token-requests';
import { shapeOf } from './support/value-shape';
import { pkceMethod } from './support/authorize-facts';
import { defineCheck } from './types';

/**
 * RFC 7636 §4.6: the server recomputes BASE64URL(SHA-256(ASCII(code_verifier))) (S256) or takes
 * the verifier as is (plain) and compares it with the stored challenge. We do the same.
 */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'PKCE code_verifier does not match the code_challenge',
  refs: [{ spec: 'RFC 7636', section: '4.2' }, { spec: 'RFC 7636', section: '4.6' }],
  cause: 'A verifier from another flow (concurrent tabs overwrote one stored slot), a verifier regenerated after the redirect, or the challenge encoded wrongly (standard base64, a hashed hex string).',
  fix: 'Keep verifier and challenge together per flow (keyed by state), and send base64url of the raw SHA-256 digest as the challenge.',
  messages: {
    mismatch: 'The token request (step {tokenStep}) sent code_verifier "{verifier}"; {how}, but the authorization request (step {authorizeStep}) sent code_challenge "{codeChallenge}".{confirmation}',
  },
  run(flow, ctx) {
    const tokens = browserTokens(flow, ctx);
    const a = flow.authorize;
    if (!a) {
      if (tokens.some((t) => t.codeVerifier)) ctx.notObservable('No authorization request was captured, so the code_challenge to compare with is unknown.');
      return;
    }
    if (!a.codeChallenge) return;
    // RFC 7636 §4.3: without code_challenge_method the method is "plain"; pkceMethod reads a provider's any-case spelling.
    const method = pkceMethod(flow);
    if (method !== 'S256' && method !== 'plain') return;
    for (const t of tokens) {
      const v = t.codeVerifier;
      if (v === null || t.grantType === 'refresh_token') continue;
      // On a redacted trace s256() answers with the tag of the S256 recorded before redaction.
      const recomputed = method === 'S256' ? ctx.analysis.derived.s256(v) : v;
      if (recomputed === null && shapeOf(v).tagged) ctx.notObservable('The code_verifier is redacted and the trace recorded no S256 result for it.');
      if (recomputed === null || recomputed === a.codeChallenge) continue;
      const providerSays = providerErrorPointsTo(matchProviderError(tokenErrorText(flow, t), { url: flow.steps[t.step]?.url ?? '' }), 'pkce-verifier-mismatch');
      const refused = tokenError(t).error === 'invalid_grant' || providerSays;
      const how = method === 'S256' ? `BASE64URL(SHA-256("${v}")) = "${recomputed}"` : `the verifier "${v}" (plain)`;
      ctx.report({
        step: t.step,
        messageId: 'mismatch',
        data: { tokenStep: t.step + 1, verifier: v, how, authorizeStep: a.step + 1, codeChallenge: a.codeChallenge, confirmation: refused ? ` The server confirmed it with ${tokenError(t).error ?? 'an error'}.` : '' },
        evidence: [
          { label: method === 'S256' ? 'S256(code_verifier)' : 'code_verifier', value: recomputed, expected: a.codeChallenge, step: t.step },
          { label: 'code_verifier', value: v, step: t.step },
          { label: 'code_challenge', value: a.codeChallenge, step: a.step },
        ],
      });
    }
  },
});
