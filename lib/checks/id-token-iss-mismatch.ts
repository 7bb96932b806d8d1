import { describeDifference } from './support/describe-difference';
import { claimsOf, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** Entra's multi-tenant discovery publishes `https://login.microsoftonline.com/{tenantid}/v2.0`. */
function expand(issuer: string, tid: unknown): string {
  return typeof tid === 'string' ? issuer.replace(/\{tenantid\}/gi, tid) : issuer;
}

/** OIDC-Core §3.1.3.7 step 2: iss MUST exactly match the issuer of the provider (OIDC-Disc §4.3). */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token issuer differs from the authorization server',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 2' }, { spec: 'OIDC-Disc', section: '4.3' }],
  cause: 'Wrong authority configured (v1 vs v2 endpoint, /common vs a tenant), a trailing-slash difference, or a mix-up between authorization servers.',
  fix: 'Set the authority to the issuer exactly as the discovery document publishes it.',
  messages: {
    issMismatch: '{token} (step {step}) has iss "{iss}" but {source} is "{expected}"{difference}.',
  },
  run(flow, ctx) {
    const doc = discoveryOfServer(flow, ctx);
    // Without discovery, RFC 9207's callback `iss` still names the server that answered.
    const expectedRaw = doc?.issuer ?? flow.callback?.iss ?? null;
    const source = doc?.issuer ? `the discovery issuer (${doc.url})` : 'the callback iss parameter';
    for (const seen of visibleIdTokens(flow, ctx)) {
      const claims = claimsOf(seen);
      if (!claims || typeof claims.iss !== 'string' || expectedRaw === null) continue;
      const expected = expand(expectedRaw, claims.tid);
      if (claims.iss === expected) continue;
      const diff = describeDifference(claims.iss, expected);
      ctx.report({
        step: seen.step,
        messageId: 'issMismatch',
        data: { token: tokenWhere(seen), step: seen.step + 1, iss: claims.iss, source, expected, difference: diff ? ` (${diff})` : '' },
        evidence: [{ label: 'iss', value: claims.iss, expected, step: seen.step }],
      });
    }
  },
});
