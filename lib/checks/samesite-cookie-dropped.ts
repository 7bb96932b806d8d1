import type { RequestEvent } from '../model/event';
import { headerValue, originOf, safeUrl } from '../flow/params';
import { cookiesSentWith } from './support/cookies';
import { transactionCookies } from './support/transaction-cookies';
import { stepEvent } from './support/browser-context';
import { isSameSite } from './support/site';
import { defineCheck } from './types';

/** Was the callback a cross-site request, as the browser decides SameSite (rfc6265bis §5.2)? */
function crossSite(callback: RequestEvent, serverOrigin: string | null): boolean {
  const fetchSite = headerValue(callback.requestHeaders, 'sec-fetch-site');
  if (fetchSite) return fetchSite.toLowerCase() === 'cross-site';
  const origin = headerValue(callback.requestHeaders, 'origin');
  if (origin === 'null') return true;
  const from = (origin ? originOf(origin) : null) ?? serverOrigin;
  return from !== null && !isSameSite(from, callback.url);
}

/**
 * FormPost §2, §4; RFC 9700 §4.7.1; rfc6265bis §5.6.7.2: Lax (and default) cookies are not sent
 * on cross-site POSTs, Strict cookies on no cross-site navigation — the transaction cookie is lost.
 */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'Transaction cookie withheld from the callback by SameSite',
  refs: [{ spec: 'FormPost', section: '2' }, { spec: 'FormPost', section: '4' }, { spec: 'RFC 9700', section: '4.7.1' }, { spec: 'draft-ietf-httpbis-rfc6265bis', section: '5.6.7.2' }],
  cause:
    'Lax cookies are not sent on cross-site POSTs (form_post) and Strict cookies are not sent on any cross-site navigation, so the app loses the cookie holding state, nonce or verifier.',
  fix: 'Give the short-lived transaction cookie SameSite=None; Secure (narrow Path, short Max-Age), or keep the transaction server-side keyed by state, or use query response mode with PKCE.',
  messages: {
    cookieDropped: 'The cookie{plural} {dropped} set before the login {verb} not sent with the {how}; its Cookie header had {sent}.{appAnswer}',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    const event = stepEvent(flow, cb?.step);
    if (!cb || !event || !flow.authorize) return;
    const isPost = event.method.toUpperCase() === 'POST' && cb.location === 'form';
    if (!crossSite(event, flow.serverOrigin)) return;
    const secureTarget = safeUrl(event.url)?.protocol === 'https:';
    const requests = ctx.analysis.events.filter((e): e is RequestEvent => e.kind === 'request');
    const candidates = [...transactionCookies(flow, requests, event.url, ctx.analysis.options.correlationWindowMs).values()].filter(
      (c) => (c.sameSite === 'Strict' || (isPost && c.sameSite !== 'None')) && (secureTarget || !c.secure),
    );
    if (candidates.length === 0) return;
    const sent = cookiesSentWith(event);
    if (sent === null) {
      ctx.notObservable('The callback request headers were not captured, so the Cookie header cannot be compared.');
      return;
    }
    const dropped = candidates.filter((c) => !sent.includes(c.name));
    const first = dropped[0];
    if (!first) return;
    const how = isPost ? 'cross-site form_post (POST) callback' : 'cross-site navigation to the callback';
    const appAnswer = (event.status ?? 0) >= 400 ? ` The app then answered HTTP ${event.status}.` : '';
    ctx.report({
      step: cb.step,
      messageId: 'cookieDropped',
      data: { plural: dropped.length > 1 ? 's' : '', dropped: dropped.map((c) => `"${c.name}" (SameSite=${c.sameSite ?? 'unset, treated as Lax'})`).join(', '), verb: dropped.length > 1 ? 'were' : 'was', how, sent: sent.length ? sent.join(', ') : 'no cookies', appAnswer },
      evidence: [
        { label: 'cookie', value: first.name, step: cb.step },
        { label: 'SameSite', value: first.sameSite ?? '(unset: Lax by default)', expected: 'None; Secure' },
        { label: 'Cookie header on callback', value: sent.length ? sent.join(', ') : '(none)', expected: first.name, step: cb.step },
      ],
    });
  },
});
