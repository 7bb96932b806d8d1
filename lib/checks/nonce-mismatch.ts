import { claimsOf, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §3.1.3.7 step 11, §3.2.2.11: the nonce claim MUST equal the nonce sent. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token nonce differs from the nonce sent',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 11' }, { spec: 'OIDC-Core', section: '3.2.2.11' }, { spec: 'RFC 9700', section: '4.5.3' }],
  cause: 'Concurrent flows overwrote the stored nonce, a token was replayed, or a code was injected.',
  fix: 'Store the nonce per state and compare it exactly.',
  messages: {
    nonceMismatch: '{problem} A correct client rejects this ID Token (OIDC-Core §3.1.3.7).',
  },
  run(flow, ctx) {
    const tokens = visibleIdTokens(flow, ctx).filter((s) => s.initial);
    const a = flow.authorize;
    if (!a) {
      if (tokens.length) ctx.notObservable('No authorization request was captured, so the nonce sent is unknown.');
      return;
    }
    if (a.nonce === null) return;
    for (const seen of tokens) {
      const claims = claimsOf(seen);
      if (!claims) continue;
      const got = typeof claims.nonce === 'string' ? claims.nonce : null;
      if (got === a.nonce) continue;
      const owner = got === null ? undefined : ctx.analysis.flows.find((f) => f !== flow && f.authorize?.nonce === got);
      ctx.report({
        step: seen.step,
        messageId: 'nonceMismatch',
        data: { problem: got === null
            ? `The authorization request (step ${a.step + 1}) sent nonce "${a.nonce}", but ${tokenWhere(seen, true)} (step ${seen.step + 1}) has no nonce claim.`
            : `${tokenWhere(seen)} (step ${seen.step + 1}) has nonce "${got}", but this flow sent "${a.nonce}" (step ${a.step + 1}).${owner ? ` That nonce belongs to flow ${owner.id}: concurrent flows overwrote each other's transaction.` : ''}` },
        evidence: [{ label: 'nonce', value: got ?? '(missing)', expected: a.nonce, step: seen.step }],
      });
    }
  },
});
