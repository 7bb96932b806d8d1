import { getParam } from '../flow/params';
import { jwtClaims } from './support/value-shape';
import { defineCheck } from './types';

/** RFC 9101 §5, §6.3: client_id must be in the query and equal the request object's client_id claim. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Request object client_id mismatch',
  refs: [{ spec: 'RFC 9101', section: '5' }, { spec: 'RFC 9101', section: '6.3' }],
  cause: 'A template bug, or one request object shared by several clients.',
  fix: 'Put the same client_id in the query and in the request object.',
  messages: {
    clientIdMissing: 'The authorization request carries a {carrier} but no client_id in the query, which RFC 9101 §5 requires alongside it.',
    clientIdMismatch: 'The request object\'s client_id "{claimed}" differs from the query client_id "{queryClientId}".',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || (a.request === null && a.requestUri === null)) return;
    const queryClientId = getParam(a.params, 'client_id');
    if (queryClientId === null) {
      ctx.report({
        step: a.step,
        messageId: 'clientIdMissing',
        data: { carrier: a.request !== null ? 'request object' : 'request_uri' },
        evidence: [{ label: 'client_id (query)', value: '(absent)', step: a.step }],
      });
      return;
    }
    // client_id is a kept claim, so a redacted request object still answers (docs/trace-format.md "JWTs").
    const claims = jwtClaims(a.request);
    const claimed = claims?.client_id;
    if (claims === null || claimed === undefined || claimed === queryClientId) return;
    ctx.report({
      step: a.step,
      messageId: 'clientIdMismatch',
      data: { claimed: String(claimed), queryClientId },
      evidence: [{ label: 'client_id (request object)', value: String(claimed), expected: queryClientId, step: a.step }],
    });
  },
});
