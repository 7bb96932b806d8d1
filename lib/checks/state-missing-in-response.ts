import { defineCheck } from './types';

/** RFC 6749 §4.1.2, §4.1.2.1: state is REQUIRED in success and error responses if the request had it. */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'Callback without the state that was sent',
  refs: [{ spec: 'RFC 6749', section: '4.1.2' }, { spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'An authorization server bug, a proxy or intermediary rewriting the URL, or an IdP-initiated response unrelated to this flow.',
  fix: 'Reject the response; check the routing layers between the authorization server and the callback.',
  messages: {
    missingInResponse: 'The authorization request sent state "{state}" but the {kind} came back without any state parameter.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const cb = flow.callback;
    if (!a?.state || !cb || cb.state !== null) return;
    const kind = cb.error ? `error response (error=${cb.error})` : 'success response';
    ctx.report({
      step: cb.step,
      messageId: 'missingInResponse',
      data: { state: a.state, kind },
      evidence: [{ label: 'state', value: '(absent)', expected: a.state, step: cb.step }],
    });
  },
});
