import { errorsWith, reportErrors } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6750 §3.1: the token lacks a scope the resource requires. */
export default defineCheck({
  id: 'error-response-insufficient-scope',
  severity: 'warning',
  title: 'The access token lacks a scope the resource needs (insufficient_scope)',
  refs: [{ spec: 'RFC 6750', section: '3.1' }],
  cause: 'The token lacks the scope the resource requires (see scope-narrowed).',
  fix: 'Request the scope incrementally, then retry the call with the new token.',
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['insufficient_scope']), { self: 'error-response-insufficient-scope' });
  },
});
