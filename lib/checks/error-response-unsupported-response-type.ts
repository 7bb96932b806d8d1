import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §4.1.2.1: the server or registration does not allow this response_type. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The response_type is not allowed (unsupported_response_type)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }, { spec: 'MRT', section: '5' }],
  cause: "The authorization server, or this client's registration, doesn't allow the response type (implicit or hybrid disabled, or a typo).",
  fix: 'Use response_type=code, or enable the response type in the client registration.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['unsupported_response_type']), {
      explain: () => (flow.authorize?.responseType ? `This flow sent response_type=${flow.authorize.responseType}.` : null),
    });
  },
});
