import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** RFC 9126 §5: with require_pushed_authorization_requests the server accepts authorization data only via PAR. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Server requires PAR but the request was not pushed',
  refs: [{ spec: 'RFC 9126', section: '5' }],
  cause: 'The client library does not support PAR, or PAR is switched off in its configuration.',
  fix: 'Push the request to the PAR endpoint first, then navigate with only client_id and request_uri.',
  messages: {
    parRequired: 'The discovery document at {url} sets require_pushed_authorization_requests: true, but the authorization request carries its parameters directly ({params}) and no request_uri.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || a.requestUri !== null) return;
    const doc = discoveryOfServer(flow, ctx);
    const metadata = doc?.document;
    if (!doc || metadata?.require_pushed_authorization_requests !== true) return;
    const endpoint = metadata.pushed_authorization_request_endpoint;
    ctx.report({
      step: a.step,
      messageId: 'parRequired',
      data: { url: doc.url, params: a.params.map((p) => p.name).join(', ') },
      evidence: [
        { label: 'request_uri', value: '(absent)', expected: `a request_uri from ${typeof endpoint === 'string' ? endpoint : 'the PAR endpoint'}`, step: a.step },
      ],
    });
  },
});
