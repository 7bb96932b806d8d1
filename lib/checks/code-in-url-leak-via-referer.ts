import { headerValue, originOf, queryParams, urlBase } from '../flow/params';
import { requestsAfter, stepEvent } from './support/browser-context';
import { defineCheck } from './types';

/** Does this Referer carry the code, as a parameter or anywhere in its text? */
function carriesCode(referer: string, code: string): boolean {
  if (queryParams(referer).some((p) => p.value === code)) return true;
  return code.length >= 8 && (referer.includes(code) || referer.includes(encodeURIComponent(code)));
}

/**
 * RFC 9700 §4.2, §4.3.1: a code left in the callback URL leaks through `Referer` to whatever the
 * page loads from other origins. Fires only on a Referer that really holds the code; the
 * authorization server itself is excluded (it issued the code).
 */
export default defineCheck({
  id: 'code-in-url-leak-via-referer',
  severity: 'warning',
  title: 'Authorization code leaked through Referer',
  spec: 'RFC 9700 §4.2, §4.3.1; RFC 6749 §10.5',
  cause: 'The callback page loads third-party scripts, images or links while the code is still in its URL, under a Referrer-Policy such as unsafe-url or no-referrer-when-downgrade.',
  fix: 'Redirect away from the callback (server 302, or history.replaceState) before rendering content; send Referrer-Policy: no-referrer on callback pages; or use form_post.',
  run(flow, ctx) {
    const cb = flow.callback;
    const event = stepEvent(flow, cb?.step);
    if (!cb?.code || cb.location !== 'query' || !event) return;
    const callbackOrigin = originOf(event.url);
    const leaks = requestsAfter(ctx.analysis.events, event.startTime).filter((r) => {
      if (r === event || r.tabId !== event.tabId) return false;
      const origin = originOf(r.url);
      if (!origin || origin === callbackOrigin || origin === flow.serverOrigin) return false;
      const referer = headerValue(r.requestHeaders, 'referer');
      return referer !== null && carriesCode(referer, cb.code!);
    });
    const first = leaks[0];
    if (!first) return;
    const origins = [...new Set(leaks.map((r) => originOf(r.url)))];
    const policy = headerValue(event.responseHeaders, 'referrer-policy');
    ctx.report({
      step: cb.step,
      message: `After the callback, ${leaks.length} request(s) to ${origins.join(', ')} sent a Referer containing the authorization code (first: ${urlBase(first.url) ?? first.url}). Callback Referrer-Policy: ${policy ?? '(none sent)'}.`,
      evidence: [
        { label: 'leaked to', value: urlBase(first.url) ?? first.url },
        { label: 'Referrer-Policy', value: policy ?? '(none sent)', expected: 'no-referrer', step: cb.step },
      ],
    });
  },
});
