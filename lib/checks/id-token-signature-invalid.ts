import { tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/**
 * OIDC Core §3.1.3.7 step 6: the signature must verify with the issuer's keys, and we can check
 * that whenever the jwks_uri response was captured. An unknown
 * kid is `id-token-kid-unknown`; `none`/unexpected algs are `id-token-alg-none`; this check
 * covers a signature that a published key should verify and does not.
 */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token signature does not verify',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 6' }, { spec: 'RFC 7515', section: '5.2' }],
  cause: 'The token was altered in transit or forged, signed with a key the issuer does not publish, or checked against the JWKS of another issuer or tenant.',
  fix: 'Reject the token. Check that the JWKS comes from the jwks_uri of the issuer named in the token.',
  messages: {
    signatureInvalid: '{token} (step {step}) does not verify against {key}the JWKS from {url}: the token was altered or signed by someone else. A correct client rejects this token (OIDC-Core §3.1.3.7 step 6).',
  },
  run(flow, ctx) {
    const jwks = ctx.analysis.jwksFor(flow);
    for (const seen of visibleIdTokens(flow, ctx)) {
      if (seen.decoded.redacted) {
        ctx.notObservable('The trace is redacted: ID Token signatures were removed on export, so they cannot be verified.');
        continue;
      }
      if (ctx.analysis.derived.signature(seen.token) !== 'invalid') continue;
      const kid = seen.decoded.ok && typeof seen.decoded.header.kid === 'string' ? seen.decoded.header.kid : null;
      ctx.report({
        step: seen.step,
        messageId: 'signatureInvalid',
        data: { token: tokenWhere(seen), step: seen.step + 1, key: kid ? `key "${kid}" of ` : '', url: jwks?.url ?? 'the issuer' },
        evidence: [{ label: 'signature', value: 'invalid', expected: 'valid', step: seen.step }],
      });
    }
  },
});
