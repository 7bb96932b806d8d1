import { urlBase } from '../flow/params';
import type { StepKind } from '../model/flow';
import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** Steps answered by the authorization server itself (not the app, not a resource server). */
const SERVER_KINDS = new Set<StepKind>(['authorize', 'login', 'error-page', 'token', 'par', 'device-authorization', 'discovery', 'jwks', 'logout', 'revocation', 'introspection', 'userinfo']);

/** RFC 6749 §4.1.2.1: the server is overloaded or in maintenance; HTTP 503 / 429 say the same. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'The authorization server is temporarily unavailable',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'Overload, throttling (rate limits) or maintenance at the authorization server.',
  fix: 'Back off and retry (honour Retry-After); look for loops that cause the load (authorize-loop).',
  messages: {
    ...ERROR_RESPONSE_MESSAGES,
    statusUnavailable: 'The authorization server answered {method} {url} with HTTP {status} {meaning}{retryAfter}.',
  },
  run(flow, ctx) {
    const errors = errorsWith(flow, ['temporarily_unavailable']);
    reportErrors(ctx, errors);
    flow.steps.forEach((step, index) => {
      if (step.status !== 503 && step.status !== 429) return;
      if (!SERVER_KINDS.has(step.kind) || errors.some((e) => e.step === index)) return;
      const retryAfter = step.event?.responseHeaders?.find((h) => h.name.toLowerCase() === 'retry-after')?.value;
      const meaning = step.status === 429 ? 'Too Many Requests (rate limited)' : 'Service Unavailable';
      ctx.report({
        step: index,
        messageId: 'statusUnavailable',
        data: { method: step.method, url: urlBase(step.url) ?? step.url, status: step.status, meaning, retryAfter: retryAfter ? `; Retry-After: ${retryAfter}` : '' },
        evidence: [{ label: 'HTTP status', value: String(step.status), step: index }],
      });
    });
  },
});
