import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 6749 §4.1.2.1, §5.2: the request is missing, repeats or malforms a parameter. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The server rejected the request as invalid (invalid_request)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }, { spec: 'RFC 6749', section: '5.2' }],
  cause: 'A required parameter is missing, repeated or malformed: missing redirect_uri, an unsupported code_challenge_method, PKCE demanded but absent, or the wrong content type.',
  fix: 'Read error_description, then fix the named parameter.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_request']));
  },
});
