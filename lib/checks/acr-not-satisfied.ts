import { getParam } from '../flow/params';
import { claimsOf, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.1 (acr_values, voluntary), §3.1.3.7 step 12. The app decides; hence info. */
export default defineCheck({
  section: 'token',
  severity: 'info',
  title: 'Requested authentication context not met',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.1' }, { spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 12' }],
  cause: 'A step-up policy (MFA, phishing-resistant login) was not applied, or the provider uses other acr names.',
  fix: 'The app decides whether to accept the token; to require a level, request it as an essential claim and reject tokens without it.',
  messages: {
    acrNotSatisfied: 'The request asked for acr_values "{requested}", but {token} (step {step}) {hasAcr}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const requested = a ? (getParam(a.params, 'acr_values') ?? '').split(' ').filter(Boolean) : [];
    if (!requested.length) return;
    for (const seen of visibleIdTokens(flow, ctx).filter((s) => s.initial)) {
      const claims = claimsOf(seen);
      if (!claims) continue;
      const acr = typeof claims.acr === 'string' ? claims.acr : null;
      if (acr !== null && requested.includes(acr)) continue;
      ctx.report({
        step: seen.step,
        messageId: 'acrNotSatisfied',
        data: { requested: requested.join(' '), token: tokenWhere(seen, true), step: seen.step + 1, hasAcr: acr === null ? 'has no acr claim' : `has acr "${acr}"` },
        evidence: [{ label: 'acr', value: acr ?? '(missing)', expected: requested.join(' '), step: seen.step }],
      });
    }
  },
});
