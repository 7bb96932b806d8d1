import { describeProviderError, matchProviderError } from '../diagnosis/match-provider-error';
import { tokenFailed } from '../flow/token-exchange';
import type { TokenExchange } from '../model/flow';
import { browserTokens, tokenError, tokenErrorText, tokenEvent } from './support/token-requests';
import { defineCheck } from './types';

/** RFC 6749 §5.2 error codes → the check that explains each one (docs/checks.md, error responses). */
const ERROR_CHECKS: Record<string, string> = {
  invalid_request: 'error-response-invalid-request',
  invalid_client: 'error-response-invalid-client',
  invalid_grant: 'error-response-invalid-grant',
  unauthorized_client: 'error-response-unauthorized-client',
  unsupported_grant_type: 'error-response-unsupported-grant-type',
  invalid_scope: 'error-response-invalid-scope',
  invalid_dpop_proof: 'error-response-dpop',
  use_dpop_nonce: 'error-response-dpop',
};

/**
 * Errors that are part of a normal exchange, not a failure of the login: device-flow polling
 * (RFC 8628 §3.5) and the DPoP nonce handshake (RFC 9449 §8), after which the client retries.
 */
function expectedError(t: TokenExchange): boolean {
  const { error } = tokenError(t);
  if (error === 'use_dpop_nonce') return true;
  return t.grantType === 'urn:ietf:params:oauth:grant-type:device_code' && (error === 'authorization_pending' || error === 'slow_down');
}

/** What the status alone says when the body was not captured (RFC 6749 §5.2). */
function statusHint(status: number): string {
  if (status === 401) return 'HTTP 401 from a token endpoint almost always means invalid_client (client authentication failed)';
  if (status === 400) return 'HTTP 400 means one of invalid_request, invalid_grant, unauthorized_client, unsupported_grant_type or invalid_scope';
  if (status === 429 || status === 503) return `HTTP ${status} means throttling or maintenance (temporarily_unavailable)`;
  if (status >= 500) return `HTTP ${status} is a failure inside the authorization server (server_error)`;
  return `HTTP ${status}`;
}

function explain(t: TokenExchange, bodySeen: boolean): string {
  if (t.networkError) return `the browser reported a network failure (${t.networkError}); a CORS rejection looks like this from the page`;
  const { error, description } = tokenError(t);
  if (error) {
    const http = t.status !== null && t.status < 400 ? ` with HTTP ${t.status} (GitHub-style error in a 200)` : ` with HTTP ${t.status}`;
    const more = ERROR_CHECKS[error] ? ` — see ${ERROR_CHECKS[error]}` : '';
    return `the server answered error=${error}${description ? ` ("${description}")` : ''}${http}${more}`;
  }
  const status = t.status ?? 0;
  return bodySeen ? `the server answered HTTP ${status} without an OAuth error member. ${statusHint(status)}` : `the server answered HTTP ${status}; the response body was not captured (open DevTools before logging in, or import a HAR with content). ${statusHint(status)}`;
}

export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Token request failed',
  refs: [{ spec: 'RFC 6749', section: '5.2' }],
  cause: 'Depends on the error: the message names the error code, the provider code and the check that explains it.',
  fix: 'See the matching error check; the error_description usually names the parameter or setting at fault.',
  messages: {
    failed: 'The token request (step {step}, grant_type={grantType}) failed: {explain}.{providerText}',
  },
  run(flow, ctx) {
    for (const t of browserTokens(flow, ctx)) {
      if (!tokenFailed(t)) continue;
      const event = tokenEvent(flow, t);
      const bodySeen = Boolean(event?.responseBody);
      const providers = matchProviderError(tokenErrorText(flow, t), { url: event?.url ?? '' });
      const providerText = providers.length ? ` Provider code: ${providers.map(describeProviderError).join('; ')} (→ ${[...new Set(providers.flatMap((p) => p.checks))].join(', ')}).` : '';
      const { error } = tokenError(t);
      const expected = expectedError(t);
      ctx.report({
        step: t.step,
        ...(expected ? { severity: 'info' as const, cause: 'Expected during device-flow polling or the DPoP nonce handshake; the client retries.' } : {}),
        messageId: 'failed',
        data: { step: t.step + 1, grantType: t.grantType ?? 'missing', explain: explain(t, bodySeen), providerText },
        evidence: [
          { label: 'HTTP status', value: t.status === null ? '(none)' : String(t.status), step: t.step },
          ...(error ? [{ label: 'error', value: error, step: t.step }] : []),
          ...(t.networkError ? [{ label: 'network error', value: t.networkError, step: t.step }] : []),
          ...providers.map((p) => ({ label: `${p.provider} code`, value: p.code, step: t.step })),
        ],
      });
    }
  },
});
