import { defineCheck } from './types';

/** docs/architecture.md "Correlating flows" step 8: a confidential client redeems the code on its server. */
export default defineCheck({
  section: 'token',
  severity: 'info',
  title: 'Token exchange happens on the server',
  refs: [{ spec: 'RFC 6749', section: '4.1.3' }],
  cause: 'Normal for confidential clients and backend-for-frontend designs: the app server redeems the code.',
  fix: 'Nothing to fix. Token-side checks report "not observable" for this flow; check the server logs for the token response.',
  messages: {
    serverSide: 'The code was delivered to a server-handled callback and no browser request redeemed it: the token exchange ran on the app server and is not observable here.',
  },
  run(flow, ctx) {
    if (flow.tokenExchange !== 'not-observable') return;
    const step = flow.steps.findIndex((s) => s.kind === 'token' && !s.observed);
    ctx.report({
      step: step >= 0 ? step : null,
      messageId: 'serverSide',
    });
  },
});
