import { responseTypeParts } from './support/authorize-facts';
import { defineCheck } from './types';

/** RFC 9700 §2.1.2: the implicit grant (access tokens from the authorization endpoint) SHOULD NOT be used. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Implicit flow: access token in the front channel',
  refs: [{ spec: 'RFC 9700', section: '2.1.2' }, { spec: 'RFC 6749', section: '4.2' }, { spec: 'RFC 6749', section: '10.16' }],
  cause: 'A legacy SPA pattern from the time before browsers allowed cross-origin token calls.',
  fix: 'Switch to response_type=code + PKCE. Sender-constrain tokens (DPoP) where possible.',
  messages: {
    implicitRequested: 'response_type "{responseType}" asks the authorization endpoint for an access token, which then travels in the browser URL (the implicit flow).',
    tokenInCallback: 'The callback carries an access_token in its {location} although {although}: tokens are delivered through the browser.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (a && responseTypeParts(a.responseType).includes('token')) {
      ctx.report({
        step: a.step,
        messageId: 'implicitRequested',
        data: { responseType: String(a.responseType) },
        evidence: [{ label: 'response_type', value: a.responseType ?? '', expected: 'code', step: a.step }],
      });
      return;
    }
    const cb = flow.callback;
    if (cb?.accessToken) {
      ctx.report({
        step: cb.step,
        messageId: 'tokenInCallback',
        data: { location: cb.location, although: a ? `response_type was "${a.responseType ?? ''}"` : 'no authorization request was recorded' },
        evidence: [{ label: 'access_token', value: `(present in the ${cb.location})`, step: cb.step }],
      });
    }
  },
});
