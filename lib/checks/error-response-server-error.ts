import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §4.1.2.1: an unexpected condition inside the authorization server. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'The authorization server failed internally (server_error)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'An unexpected failure inside the authorization server.',
  fix: 'Retry later; give the provider the correlation or trace ids from the error description.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['server_error']));
  },
});
