import { hashForAlg } from '../crypto/digest';
import { claimsOf, hashClaimMatch, headerAlg, leftHalfHash, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/**
 * OIDC-Core §3.3.2.11: an ID Token issued from the authorization endpoint together with a code
 * (`code id_token`, `code id_token token`) MUST carry c_hash = base64url(left half of hash(code)).
 */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'c_hash missing or does not match the code',
  refs: [{ spec: 'OIDC-Core', section: '3.3.2.10' }, { spec: 'OIDC-Core', section: '3.3.2.11' }],
  cause: 'Code injection (a code swapped into the response), or an authorization-server bug.',
  fix: 'Reject the response.',
  messages: {
    cHashMissing: '{where} came with code "{code}" (hybrid flow) but has no c_hash, which OIDC-Core §3.3.2.11 requires.',
    cHashMismatch: '{where} has c_hash "{cHash}", but the left half of {hash}("{code}") is "{computed}": the code was not issued with this ID Token.',
    cHashMismatchRedacted: '{where} has c_hash "{cHash}", but it did not match the code "{code}" when the trace was redacted: the code was not issued with this ID Token.',
  },
  run(flow, ctx) {
    for (const seen of visibleIdTokens(flow, ctx)) {
      const claims = claimsOf(seen);
      // Token-endpoint ID Tokens may carry c_hash too (§3.3.3.6): compare with the code redeemed.
      const code = seen.code ?? seen.exchange?.code ?? null;
      if (!claims || code === null) continue;
      const alg = headerAlg(seen);
      const cHash = typeof claims.c_hash === 'string' ? claims.c_hash : null;
      const where = `${tokenWhere(seen)} (step ${seen.step + 1})`;
      if (cHash === null) {
        const computed = leftHalfHash(ctx, code, alg);
        if (seen.source !== 'callback') continue;
        ctx.report({
          step: seen.step,
          messageId: 'cHashMissing',
          data: { where, code },
          evidence: [{ label: 'c_hash', value: '(missing)', expected: computed ?? '(required)', step: seen.step }],
        });
        continue;
      }
      const verdict = hashClaimMatch(ctx, seen, 'c_hash', cHash, code);
      if (verdict === null && seen.decoded.redacted) ctx.notObservable('The trace is redacted and recorded no c_hash result for this ID Token.');
      if (verdict === null || verdict.match) continue;
      const computed = verdict.computed;
      ctx.report({
        step: seen.step,
        ...(computed ? { messageId: 'cHashMismatch', data: { where, cHash, hash: String(hashForAlg(alg)), code, computed } } : { messageId: 'cHashMismatchRedacted', data: { where, cHash, code } }),
        evidence: [{ label: 'c_hash', value: cHash, expected: computed ?? `left half of ${hashForAlg(alg) ?? 'hash'}(code) (redacted)`, step: seen.step }],
      });
    }
  },
});
