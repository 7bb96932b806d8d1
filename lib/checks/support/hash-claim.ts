import { hashForAlg } from '../../crypto/digest';
import type { Flow } from '../../model/flow';
import { defineCheck, type CheckDefinition, type CheckMeta } from '../types';
import { claimsOf, hashClaimMatch, headerAlg, leftHalfHash, tokenWhere, visibleIdTokens, type IdTokenSeen } from './id-tokens';

/**
 * Placeholders: `{where}` (which ID Token, at which step), `{hashClaim}` (the claim's value),
 * `{value}` (the value it hashes), `{hash}` (SHA-256, …), `{computed}` (the left half as it should
 * be), `{responseType}` (of the authorization request).
 */
export type HashClaimMessages = { readonly missing: string; readonly mismatch: string; readonly mismatchRedacted: string };

export interface HashClaimCheck extends CheckMeta<HashClaimMessages> {
  claim: 'at_hash' | 'c_hash';
  /** The value delivered beside the ID Token that the claim hashes, or null when there is none. */
  hashed(seen: IdTokenSeen): string | null;
  /** Its name in evidence: `left half of SHA-256(access_token)`. */
  hashedName: string;
  /** Whether this ID Token must carry the claim. */
  required(seen: IdTokenSeen, flow: Flow): boolean;
}

/**
 * The family of ID Token hash claims (at-hash-mismatch, c-hash-mismatch): base64url of the left half
 * of hash(value), the hash matching the JWS alg (OIDC-Core §3.1.3.6, §3.3.2.11). Raw values are
 * hashed; a redacted trace answers from the relation recorded before redaction.
 */
export function hashClaimCheck({ claim, hashed, hashedName, required, ...meta }: HashClaimCheck): CheckDefinition<HashClaimMessages> {
  return defineCheck({
    ...meta,
    run(flow, ctx) {
      for (const seen of visibleIdTokens(flow, ctx)) {
        const claims = claimsOf(seen);
        const value = hashed(seen);
        if (!claims || value === null) continue;
        const alg = headerAlg(seen);
        const hashClaim = typeof claims[claim] === 'string' ? claims[claim] : null;
        const where = `${tokenWhere(seen)} (step ${seen.step + 1})`;
        const responseType = String(flow.authorize?.responseType);
        if (hashClaim === null) {
          if (!required(seen, flow)) continue;
          ctx.report({
            step: seen.step,
            messageId: 'missing',
            data: { where, value, responseType },
            evidence: [{ label: claim, value: '(missing)', expected: leftHalfHash(ctx, value, alg) ?? '(required)', step: seen.step }],
          });
          continue;
        }
        const verdict = hashClaimMatch(ctx, seen, claim, hashClaim, value);
        if (verdict === null && seen.decoded.redacted) ctx.notObservable(`The trace is redacted and recorded no ${claim} result for this ID Token.`);
        if (verdict === null || verdict.match) continue;
        const computed = verdict.computed;
        ctx.report({
          step: seen.step,
          ...(computed
            ? { messageId: 'mismatch', data: { where, hashClaim, hash: String(hashForAlg(alg)), value, computed } }
            : { messageId: 'mismatchRedacted', data: { where, hashClaim, value } }),
          evidence: [{ label: claim, value: hashClaim, expected: computed ?? `left half of ${hashForAlg(alg) ?? 'hash'}(${hashedName}) (redacted)`, step: seen.step }],
        });
      }
    },
  });
}
