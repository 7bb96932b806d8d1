import { errorsWith, reportErrors } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §4.1.2.1: the server or registration does not allow this response_type. */
export default defineCheck({
  id: 'error-response-unsupported-response-type',
  severity: 'error',
  title: 'The response_type is not allowed (unsupported_response_type)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }, { spec: 'MRT', section: '5' }],
  cause: "The authorization server, or this client's registration, doesn't allow the response type (implicit or hybrid disabled, or a typo).",
  fix: 'Use response_type=code, or enable the response type in the client registration.',
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['unsupported_response_type']), {
      self: 'error-response-unsupported-response-type',
      explain: () => (flow.authorize?.responseType ? `This flow sent response_type=${flow.authorize.responseType}.` : null),
    });
  },
});
