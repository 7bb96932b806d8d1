import { scopeList, stringField } from '../flow/params';
import { browserTokens, tokenSucceeded } from './support/token-requests';
import { defineCheck } from './types';

/** RFC 6749 §5.1 (access_token, token_type REQUIRED); OIDC-Core §3.1.3.3 (id_token in the code flow). */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Token response lacks required members',
  refs: [{ spec: 'RFC 6749', section: '5.1' }, { spec: 'OIDC-Core', section: '3.1.3.3' }],
  cause: 'Wrong endpoint, a proxy rewriting the body, or the openid scope not granted.',
  fix: 'Inspect the raw response and confirm the endpoint and the granted scope.',
  messages: {
    incomplete: 'The token response (step {step}, HTTP {status}) has no {missing}{openidNote}.{scopeNote}',
  },
  run(flow, ctx) {
    const requested = scopeList(flow.authorize?.scope ?? null);
    for (const t of browserTokens(flow, ctx)) {
      // Without a captured body the members cannot be seen.
      if (!t.response || !tokenSucceeded(t)) continue;
      const missing = ['access_token', 'token_type'].filter((name) => stringField(t.response, name) === null);
      const oidcCode = t.grantType === 'authorization_code' && requested.includes('openid');
      if (oidcCode && stringField(t.response, 'id_token') === null) missing.push('id_token');
      if (!missing.length) continue;
      const granted = stringField(t.response, 'scope');
      const scopeNote = missing.includes('id_token') && granted !== null && !scopeList(granted).includes('openid') ? ` The granted scope "${granted}" lacks openid.` : '';
      ctx.report({
        step: t.step,
        messageId: 'incomplete',
        data: { step: t.step + 1, status: String(t.status), missing: missing.join(', '), openidNote: missing.includes('id_token') ? ' although the flow requested the openid scope' : '', scopeNote },
        evidence: missing.map((name) => ({ label: name, value: '(missing)', step: t.step })),
      });
    }
  },
});
