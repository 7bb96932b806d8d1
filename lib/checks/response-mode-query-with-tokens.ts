import { responseTypeParts } from './support/authorize-facts';
import { defineCheck } from './types';

/** MRT §2.1, §5: token-bearing responses must not use query (tokens would reach server logs and Referer). */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Tokens returned in the query string',
  refs: [{ spec: 'MRT', section: '2.1' }, { spec: 'MRT', section: '5' }, { spec: 'RFC 9700', section: '4.3.2' }],
  cause: 'Query mode was forced to make server-side parsing easier.',
  fix: 'Use fragment or form_post for token-bearing responses; better still, use the code flow.',
  messages: {
    queryRequested: 'response_mode=query is requested with response_type "{responseType}", which returns {tokenTypes} in the URL query, where servers log it and Referer leaks it.',
    tokensInQuery: 'The callback URL carries {carried} in its query string.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const parts = responseTypeParts(a?.responseType ?? null);
    const tokenTypes = parts.filter((p) => p === 'token' || p === 'id_token');
    if (a && a.responseMode === 'query' && tokenTypes.length) {
      ctx.report({
        step: a.step,
        messageId: 'queryRequested',
        data: { responseType: String(a.responseType), tokenTypes: tokenTypes.join(' and ') },
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
      messageId: 'tokensInQuery',
      data: { carried: carried.join(' and ') },
      evidence: [{ label: 'response location', value: 'query', expected: 'fragment or form_post', step: cb.step }],
    });
  },
});
