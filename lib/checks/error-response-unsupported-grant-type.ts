import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §5.2: the authorization server does not support this grant_type. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The grant type is not supported (unsupported_grant_type)',
  refs: [{ spec: 'RFC 6749', section: '5.2' }],
  cause: "A typo in grant_type, or the grant (refresh_token, device_code, token-exchange) isn't enabled for this server or client.",
  fix: 'Fix the grant_type string or enable the grant.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['unsupported_grant_type']), {
      explain: (e) => (e.grantType ? `The refused grant_type is "${e.grantType}".` : null),
    });
  },
});
