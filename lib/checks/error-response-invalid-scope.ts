import { getParam, scopeList } from '../flow/params';
import { errorsWith, reportErrors, type SeenError, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';
import type { Flow } from '../model/flow';

/** The scope the refused request asked for: the token request's own, else the authorization request's. */
function requestedScope(flow: Flow, e: SeenError): string | null {
  const token = flow.tokens.find((t) => t.step === e.step);
  return (token ? getParam(token.params, 'scope') : null) ?? flow.authorize?.scope ?? null;
}

/** RFC 6749 §3.3, §4.1.2.1, §5.2: a requested scope is unknown, not permitted, or malformed. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'A requested scope was refused (invalid_scope)',
  refs: [{ spec: 'RFC 6749', section: '3.3' }, { spec: 'RFC 6749', section: '4.1.2.1' }, { spec: 'RFC 6749', section: '5.2' }],
  cause: 'An unknown scope, a scope of an API the client has no permission for, or resources mixed in one request.',
  fix: "Correct the scope list against the provider's catalogue and grant the client the API permission.",
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_scope']), {
      explain: (e) => {
        const scopes = scopeList(requestedScope(flow, e));
        return scopes.length ? `The request asked for: ${scopes.join(' ')}.` : 'The request sent no scope parameter.';
      },
    });
  },
});
