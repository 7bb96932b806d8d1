import { getParam, queryParams } from '../flow/params';
import { logoutRequest, returnToClient } from './support/logout';
import { defineCheck } from './types';

/** RPLogout §2, §3: the OP passes `state` back unchanged on the post-logout redirect. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'Logout returned a different state',
  refs: [{ spec: 'RPLogout', section: '2' }, { spec: 'RPLogout', section: '3' }],
  cause: 'The app stores one logout state slot that another tab overwrote, encodes the value differently, or the server dropped it.',
  fix: 'Store the state per logout request and compare it exactly when the post-logout redirect arrives.',
  messages: {
    stateMissing: 'The logout request sent state "{state}", but the redirect back to {url} carries no state.',
    stateMismatch: 'The logout request sent state "{state}", but the redirect back carries state "{returned}".',
  },
  run(flow, ctx) {
    const logout = logoutRequest(flow);
    if (!logout?.state) return;
    const back = returnToClient(flow, logout, ctx.analysis);
    if (!back) return;
    const returned = getParam(queryParams(back.url), 'state');
    if (returned === logout.state) return;
    const step = back.step ?? logout.step;
    ctx.report({
      step,
      ...(returned === null ? { messageId: 'stateMissing', data: { state: logout.state, url: String(back.url.split('?')[0]) } } : { messageId: 'stateMismatch', data: { state: logout.state, returned } }),
      evidence: [{ label: 'state', value: returned ?? '(none)', expected: logout.state, step }],
    });
  },
});
