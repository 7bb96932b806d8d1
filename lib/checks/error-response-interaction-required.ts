import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.6: the server needs the user for a step such as MFA. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'The user must interact with the authorization server (interaction_required)',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.6' }],
  cause: 'MFA, terms of use or another step needs the user.',
  fix: 'Run an interactive request.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['interaction_required']));
  },
});
