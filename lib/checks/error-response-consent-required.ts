import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.6: the user must consent before the server can answer without interaction. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'Consent is needed before a silent request can succeed (consent_required)',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.6' }],
  cause: 'New scopes were requested, consent was revoked, or admin consent is needed.',
  fix: 'Run an interactive request (or get admin consent).',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['consent_required']));
  },
});
