import { errorsWith, reportErrors } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §4.1.2.1: an unexpected condition inside the authorization server. */
export default defineCheck({
  id: 'error-response-server-error',
  severity: 'warning',
  title: 'The authorization server failed internally (server_error)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'An unexpected failure inside the authorization server.',
  fix: 'Retry later; give the provider the correlation or trace ids from the error description.',
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['server_error']), { self: 'error-response-server-error' });
  },
});
