import { tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §10.1.1: after key rotation a client re-fetches the JWKS when it meets an unknown kid. */
export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'ID Token signed with a key not in the JWKS',
  refs: [{ spec: 'OIDC-Core', section: '10.1.1' }],
  cause: 'Key rotation with a stale cached JWKS, or the JWKS of the wrong tenant or realm.',
  fix: 'Fetch the JWKS again when a kid is unknown, and use the jwks_uri from the matching issuer.',
  messages: {
    kidUnknown: '{token} (step {step}) names kid "{kid}", but the JWKS from {url} holds {held}.',
  },
  run(flow, ctx) {
    const jwks = ctx.analysis.jwksFor(flow);
    if (!jwks?.keys) return;
    const kids = jwks.keys.map((k) => k.kid).filter((k): k is string => typeof k === 'string');
    for (const seen of visibleIdTokens(flow, ctx)) {
      if (!seen.decoded.ok) continue;
      const kid = seen.decoded.header.kid;
      if (typeof kid !== 'string' || kids.includes(kid)) continue;
      ctx.report({
        step: seen.step,
        messageId: 'kidUnknown',
        data: { token: tokenWhere(seen), step: seen.step + 1, kid, url: jwks.url, held: kids.length ? `only ${kids.map((k) => `"${k}"`).join(', ')}` : 'no keys with a kid' },
        evidence: [{ label: 'kid', value: kid, expected: kids.join(', ') || '(none)', step: seen.step }],
      });
    }
  },
});
