import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6750 §3.1: the token lacks a scope the resource requires. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'The access token lacks a scope the resource needs (insufficient_scope)',
  refs: [{ spec: 'RFC 6750', section: '3.1' }],
  cause: 'The token lacks the scope the resource requires (see scope-narrowed).',
  fix: 'Request the scope incrementally, then retry the call with the new token.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['insufficient_scope']));
  },
});
