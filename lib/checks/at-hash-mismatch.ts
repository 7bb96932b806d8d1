import { hashForAlg } from '../crypto/digest';
import { claimsOf, hashClaimMatch, headerAlg, leftHalfHash, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/**
 * OIDC-Core §3.1.3.6/§3.2.2.9: at_hash = base64url(left half of hash(access_token)), the hash
 * matching the JWS alg. Required when the authorization endpoint issues an access token beside
 * the ID Token (implicit `id_token token`, §3.2.2.10; hybrid `code id_token token`, §3.3.2.11).
 */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'at_hash does not match the access token',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.8' }, { spec: 'OIDC-Core', section: '3.2.2.9' }, { spec: 'OIDC-Core', section: '3.2.2.10' }],
  cause: 'The ID Token and access token were swapped or tampered with.',
  fix: 'Reject the response.',
  messages: {
    atHashMissing: '{where} came with an access token (response_type "{responseType}") but has no at_hash, which is required here.',
    atHashMismatch: '{where} has at_hash "{atHash}", but the left half of {hash}(access_token) is "{computed}": the ID Token was not issued with this access token.',
    atHashMismatchRedacted: '{where} has at_hash "{atHash}", but it did not match the access token when the trace was redacted: the ID Token was not issued with this access token.',
  },
  run(flow, ctx) {
    const responseType = (flow.authorize?.responseType ?? '').split(' ');
    for (const seen of visibleIdTokens(flow, ctx)) {
      const claims = claimsOf(seen);
      if (!claims || seen.accessToken === null) continue;
      const alg = headerAlg(seen);
      const atHash = typeof claims.at_hash === 'string' ? claims.at_hash : null;
      const where = `${tokenWhere(seen)} (step ${seen.step + 1})`;
      if (atHash === null) {
        const required = seen.source === 'callback' && responseType.includes('id_token') && responseType.includes('token');
        if (required) {
          ctx.report({
            step: seen.step,
            messageId: 'atHashMissing',
            data: { where, responseType: String(flow.authorize?.responseType) },
            evidence: [{ label: 'at_hash', value: '(missing)', expected: leftHalfHash(ctx, seen.accessToken, alg) ?? '(required)', step: seen.step }],
          });
        }
        continue;
      }
      const verdict = hashClaimMatch(ctx, seen, 'at_hash', atHash, seen.accessToken);
      if (verdict === null && seen.decoded.redacted) ctx.notObservable('The trace is redacted and recorded no at_hash result for this ID Token.');
      if (verdict === null || verdict.match) continue;
      const computed = verdict.computed;
      ctx.report({
        step: seen.step,
        ...(computed ? { messageId: 'atHashMismatch', data: { where, atHash, hash: String(hashForAlg(alg)), computed } } : { messageId: 'atHashMismatchRedacted', data: { where, atHash } }),
        evidence: [{ label: 'at_hash', value: atHash, expected: computed ?? `left half of ${hashForAlg(alg) ?? 'hash'}(access_token) (redacted)`, step: seen.step }],
      });
    }
  },
});
