import { getParam, queryParams, safeUrl, urlBase } from './params';
import type { Flow } from '../model/flow';

const ERROR_ROUTE = /(?:^|[/_-])(?:error|errors|fail|failed|failure|denied|unauthorized)(?:[/_.-]|$)/i;
const STATE_ERROR = /\b(?:state|transaction|correlation|session)\b[^.]{0,60}\b(?:mismatch|invalid|not found|missing|expired|unknown|does not match)\b/i;

/**
 * How the app answered its callback, when that answer is an error (docs/architecture.md "Correlating flows" step 8: an app
 * error page after the callback is an app-side failure): an HTTP error status, a redirect to an
 * error route or with `error=`, or a 200 page that talks about a lost state or transaction.
 */
export function appErrorOnCallback(flow: Flow): string | null {
  const cb = flow.callback;
  const event = cb ? flow.steps[cb.step]?.event ?? null : null;
  if (!event) return null;
  const status = event.status ?? 0;
  if (status >= 400) return `HTTP ${status}`;
  if (event.redirectUrl) {
    const target = safeUrl(event.redirectUrl);
    if (target && (ERROR_ROUTE.test(target.pathname) || getParam(queryParams(event.redirectUrl), 'error') !== null)) {
      return `a redirect to ${urlBase(event.redirectUrl) ?? event.redirectUrl}${target.search ? target.search.slice(0, 80) : ''}`;
    }
    return null;
  }
  const text = event.responseBody?.text ?? '';
  const match = STATE_ERROR.exec(text.replace(/<[^>]*>/g, ' '));
  return match ? `a page saying "${match[0]}"` : null;
}
