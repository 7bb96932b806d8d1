import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.6, RFC 9126 §2.3: errors about request objects and request_uri references. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The request object or request_uri was refused',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.6' }, { spec: 'RFC 9126', section: '2.3' }],
  cause: 'A JAR request object or PAR request_uri that is expired, unreadable or unsupported.',
  fix: 'Check the PAR expiry (push just before navigating, once per flow) and the request-object signing.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_request_uri', 'invalid_request_object', 'request_not_supported', 'request_uri_not_supported', 'registration_not_supported']));
  },
});
