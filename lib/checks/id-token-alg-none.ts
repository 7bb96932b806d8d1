import { discoveryOfServer } from './support/server-metadata';
import { headerAlg, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §3.1.3.7 steps 6–8: the alg must be the one expected; `none` means no signature at all. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token unsigned or signed with an unexpected algorithm',
  refs: [{ spec: 'OIDC-Core', section: '2' }, { spec: 'OIDC-Core', section: '3.1.3.7', note: '(steps 6–8)' }, { spec: 'OIDC-Disc', section: '3' }],
  cause: 'A misconfigured authorization server or a token forged in transit.',
  fix: 'Reject the token, and pin the expected algorithms (those in id_token_signing_alg_values_supported) in the validator.',
  messages: {
    algNone: '{where} has alg "{alg}": it carries no signature, so anyone could have written it.',
    algNotListed: '{where} is signed with {alg}, which the discovery document ({url}) does not list in id_token_signing_alg_values_supported ({supported}).',
  },
  run(flow, ctx) {
    const doc = discoveryOfServer(flow, ctx) ?? ctx.analysis.discoveryFor(flow);
    const listed = doc?.document?.id_token_signing_alg_values_supported;
    const supported = Array.isArray(listed) ? listed.filter((a): a is string => typeof a === 'string') : null;
    for (const seen of visibleIdTokens(flow, ctx)) {
      if (!seen.decoded.ok || seen.decoded.kind !== 'jws') continue;
      const alg = headerAlg(seen);
      const where = `${tokenWhere(seen)} (step ${seen.step + 1})`;
      if (alg === null || alg.toLowerCase() === 'none') {
        ctx.report({
          step: seen.step,
          messageId: 'algNone',
          data: { where, alg: alg ?? '(missing)' },
          evidence: [{ label: 'alg', value: alg ?? '(missing)', expected: supported?.join(', ') ?? 'RS256', step: seen.step }],
        });
      } else if (supported && supported.length && !supported.includes(alg)) {
        ctx.report({
          step: seen.step,
          messageId: 'algNotListed',
          data: { where, alg, url: String(doc?.url), supported: supported.join(', ') },
          evidence: [{ label: 'alg', value: alg, expected: supported.join(', '), step: seen.step }],
        });
      }
    }
  },
});
