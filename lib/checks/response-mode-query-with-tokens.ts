import { responseTypeParts } from './support/authorize-facts';
import { defineCheck } from './types';

/** MRT §2.1, §5: token-bearing responses must not use query (tokens would reach server logs and Referer). */
export default defineCheck({
  id: 'response-mode-query-with-tokens',
  severity: 'error',
  title: 'Tokens returned in the query string',
  refs: [{ spec: 'MRT', section: '2.1' }, { spec: 'MRT', section: '5' }, { spec: 'RFC 9700', section: '4.3.2' }],
  cause: 'Query mode was forced to make server-side parsing easier.',
  fix: 'Use fragment or form_post for token-bearing responses; better still, use the code flow.',
  run(flow, ctx) {
    const a = flow.authorize;
    const parts = responseTypeParts(a?.responseType ?? null);
    const tokenTypes = parts.filter((p) => p === 'token' || p === 'id_token');
    if (a && a.responseMode === 'query' && tokenTypes.length) {
      ctx.report({
        step: a.step,
        message: `response_mode=query is requested with response_type "${a.responseType}", which returns ${tokenTypes.join(' and ')} in the URL query, where servers log it and Referer leaks it.`,
        evidence: [{ label: 'response_mode', value: 'query', expected: 'fragment or form_post', step: a.step }],
      });
      return;
    }
    const cb = flow.callback;
    if (!cb || cb.location !== 'query') return;
    const carried = [cb.accessToken ? 'access_token' : null, cb.idToken ? 'id_token' : null].filter((x): x is string => x !== null);
    if (!carried.length) return;
    ctx.report({
      step: cb.step,
      message: `The callback URL carries ${carried.join(' and ')} in its query string.`,
      evidence: [{ label: 'response location', value: 'query', expected: 'fragment or form_post', step: cb.step }],
    });
  },
});
