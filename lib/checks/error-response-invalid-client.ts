import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

const AUTH_WORDS = {
  basic: 'HTTP Basic (client_secret_basic)',
  'secret-post': 'client_secret in the body (client_secret_post)',
  assertion: 'a client_assertion JWT (private_key_jwt or client_secret_jwt)',
  none: 'nothing (a public client)',
} as const;

/** RFC 6749 §5.2: client authentication failed at the token endpoint. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'Client authentication failed (invalid_client)',
  refs: [{ spec: 'RFC 6749', section: '5.2' }],
  cause: 'Client authentication failed: unknown client_id, a wrong or expired secret, an authentication method other than the registered one (client_secret_basic vs client_secret_post), a public client sending a secret, or a confidential client sending none.',
  fix: 'Align the credentials and the authentication method with the client registration.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_client']), {
      explain: (e) => {
        const auth = flow.tokens.find((t) => t.step === e.step)?.clientAuth;
        return auth ? `The request authenticated the client with: ${AUTH_WORDS[auth]}.` : null;
      },
    });
  },
});
