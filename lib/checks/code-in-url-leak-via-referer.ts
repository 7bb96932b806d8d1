import { eventIndex } from '../flow/event-index';
import { headerValue, queryParams, urlBase } from '../flow/params';
import type { RequestEvent } from '../model/event';
import { stepEvent } from './support/browser-context';
import { headersKnown } from './support/headers-known';
import { defineCheck } from './types';

/** Does this Referer carry the code, as a parameter or anywhere in its text? */
function carriesCode(referer: string, code: string, valuesOf: (referer: string) => Set<string>): boolean {
  if (valuesOf(referer).has(code)) return true;
  return code.length >= 8 && (referer.includes(code) || referer.includes(encodeURIComponent(code)));
}

/** Requests with a Referer, grouped by tab and then by Referer, each group in time order. */
function groupByReferer(requestsByStart: readonly RequestEvent[]): Map<number, Map<string, RequestEvent[]>> {
  const tabs = new Map<number, Map<string, RequestEvent[]>>();
  for (const r of requestsByStart) {
    const referer = headerValue(r.requestHeaders, 'referer');
    if (referer === null) continue;
    let groups = tabs.get(r.tabId);
    if (!groups) tabs.set(r.tabId, (groups = new Map()));
    let group = groups.get(referer);
    if (!group) groups.set(referer, (group = []));
    group.push(r);
  }
  return tabs;
}

/**
 * RFC 9700 §4.2, §4.3.1: a code left in the callback URL leaks through `Referer` to whatever the
 * page loads from other origins. Fires only on a Referer that really holds the code; the
 * authorization server itself is excluded (it issued the code).
 */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Authorization code leaked through Referer',
  refs: [{ spec: 'RFC 9700', section: '4.2' }, { spec: 'RFC 9700', section: '4.3.1' }, { spec: 'RFC 6749', section: '10.5' }],
  cause: 'The callback page loads third-party scripts, images or links while the code is still in its URL, under a Referrer-Policy such as unsafe-url or no-referrer-when-downgrade.',
  fix: 'Redirect away from the callback (server 302, or history.replaceState) before rendering content; send Referrer-Policy: no-referrer on callback pages; or use form_post.',
  messages: {
    leakedViaReferer: 'After the callback, {count} request(s) to {origins} sent a Referer containing the authorization code (first: {url}). Callback Referrer-Policy: {policy}.',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    const event = stepEvent(flow, cb?.step);
    if (!cb?.code || cb.location !== 'query' || !event) return;
    const index = eventIndex(ctx.analysis);
    // Pages send the same Referer on every sub-resource: parse each distinct one once per analysis.
    const refererValues = index.memo('code-in-url-leak-via-referer/values', () => new Map<string, Set<string>>());
    const valuesOf = (referer: string) => {
      let values = refererValues.get(referer);
      if (!values) refererValues.set(referer, (values = new Set(queryParams(referer).map((p) => p.value))));
      return values;
    };
    // A flow tests each distinct Referer of its tab once, instead of every later request of the
    // capture (that was O(flows × events) URL parses on a big HAR).
    const byReferer = index.memo('code-in-url-leak-via-referer/by-referer', () => groupByReferer(index.requestsByStart));
    const timeOrder = index.memo('code-in-url-leak-via-referer/order', () => new Map(index.requestsByStart.map((r, i) => [r, i])));
    const callbackOrigin = index.origin(event.url);
    const leaks: RequestEvent[] = [];
    for (const [referer, requests] of byReferer.get(event.tabId) ?? []) {
      if (!carriesCode(referer, cb.code!, valuesOf)) continue;
      for (const r of requests) {
        if (r === event || r.startTime < event.startTime) continue;
        const origin = index.origin(r.url);
        if (origin !== null && origin !== callbackOrigin && origin !== flow.serverOrigin) leaks.push(r);
      }
    }
    leaks.sort((a, b) => timeOrder.get(a)! - timeOrder.get(b)!);
    const first = leaks[0];
    if (!first) return;
    const origins = [...new Set(leaks.map((r) => index.origin(r.url)))];
    // A callback seen by the page only (or recorded without headers): its Referrer-Policy is not known, not absent.
    const policy = headersKnown(event, 'response') ? (headerValue(event.responseHeaders, 'referrer-policy') ?? '(none sent)') : 'not known (response headers not captured)';
    ctx.report({
      step: cb.step,
      messageId: 'leakedViaReferer',
      data: { count: leaks.length, origins: origins.join(', '), url: urlBase(first.url) ?? first.url, policy },
      evidence: [
        { label: 'leaked to', value: urlBase(first.url) ?? first.url },
        { label: 'Referrer-Policy', value: policy, expected: 'no-referrer', step: cb.step },
      ],
    });
  },
});
