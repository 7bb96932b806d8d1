import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6750 §3.1: the access token is expired, revoked, malformed or for another resource. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The resource server rejected the access token (invalid_token)',
  refs: [{ spec: 'RFC 6750', section: '3.1' }],
  cause: 'The access token expired or was revoked, has the wrong audience, or was issued for another API.',
  fix: 'Refresh the token, or request it for the right resource (audience).',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_token']));
  },
});
