import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §4.1.2.1, §5.2: the client is not allowed this grant or response type. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The client may not use this grant or response type (unauthorized_client)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }, { spec: 'RFC 6749', section: '5.2' }],
  cause: 'The client may not use this grant type or response type: code or implicit not enabled, the client disabled, or the client unknown in this tenant.',
  fix: 'Enable the grant or response type in the client registration, or use the right tenant.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['unauthorized_client']), {
      explain: (e) =>
        e.grantType ? `The refused grant_type is ${e.grantType}.` : flow.authorize?.responseType ? `This flow sent response_type=${flow.authorize.responseType} for client_id=${flow.clientId ?? '(none)'}.` : null,
    });
  },
});
