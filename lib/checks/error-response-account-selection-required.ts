import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.6: several sessions and no hint which account to use. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'The user must pick an account (account_selection_required)',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.6' }],
  cause: 'Several sessions exist and the request gave no hint which one to use.',
  fix: 'Send login_hint or id_token_hint, or go interactive.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['account_selection_required']));
  },
});
