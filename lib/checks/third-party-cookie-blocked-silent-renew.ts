import type { Flow } from '../model/flow';
import { originOf } from '../flow/params';
import { cookiesSentWith, setCookiesOf } from './support/cookies';
import { stepEvent, topPageOrigin } from './support/browser-context';
import { isSameSite } from './support/site';
import { defineCheck } from './types';

const NEEDS_LOGIN = new Set(['login_required', 'interaction_required']);

/** Cookies the authorization server set on its own origin during a flow (its session cookies). */
function serverCookies(flow: Flow): string[] {
  const names = new Set<string>();
  for (const s of flow.steps) {
    const e = s.event;
    if (!e || originOf(e.url) !== flow.serverOrigin) continue;
    for (const c of setCookiesOf(e.responseHeaders, e.startTime)) if (!c.deleted) names.add(c.name);
  }
  return [...names];
}

/**
 * OIDC-Core §3.1.2.1 (prompt=none), §3.1.2.6: a silent renew in a cross-site iframe reports
 * login_required although the user logged in at top level — the session cookies were not sent
 * to the framed authorization server (third-party cookie blocking).
 */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Silent renew lost the session to third-party cookie blocking',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.1' }, { spec: 'OIDC-Core', section: '3.1.2.6' }],
  cause: 'Third-party cookie restrictions (Safari ITP, Firefox Total Cookie Protection, Chrome settings or policy) keep the authorization server’s session cookies out of the cross-site iframe.',
  fix: 'Use refresh tokens (rotating or sender-constrained) or a BFF; put the authorization server on a custom domain that is same-site with the app; fall back to a top-level redirect.',
  messages: {
    silentRenewFailed: 'The silent renew (prompt=none in an iframe on {top}) to {serverOrigin} ended with {error}, although flow {id} logged in at top level with the same server. {cookieNote}',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const cb = flow.callback;
    const start = a ? flow.steps[a.step] : undefined;
    const framed = stepEvent(flow, a?.step);
    if (!a || !cb || !start || !framed || start.context !== 'iframe' || !NEEDS_LOGIN.has(cb.error ?? '')) return;
    if (!(a.prompt ?? '').split(' ').includes('none') || !flow.serverOrigin) return;
    const top = topPageOrigin(ctx.analysis.events, start.tabId, start.time, framed);
    if (!top || isSameSite(top, flow.serverOrigin)) return;
    // A top-level login to the same authorization server earlier in this capture.
    const earlier = ctx.analysis.flows.find((f) => {
      const s = f.authorize ? f.steps[f.authorize.step] : undefined;
      const c = f.callback;
      const at = c ? f.steps[c.step]?.time : undefined;
      return f !== flow && f.serverOrigin === flow.serverOrigin && s?.context !== 'iframe' && c && !c.error && (c.code || c.idToken || c.accessToken) && at !== undefined && at < start.time;
    });
    if (!earlier) return;
    const sessionCookies = serverCookies(earlier);
    const sent = cookiesSentWith(framed);
    const withheld = sent === null ? null : sessionCookies.filter((n) => !sent.includes(n));
    // Its session cookies did reach the server: the session really ended, not a cookie block.
    if (withheld !== null && sessionCookies.length > 0 && withheld.length < sessionCookies.length) return;
    const cookieNote =
      sent === null
        ? 'The framed request’s headers were not captured, so the cookies it carried are unknown.'
        : `The framed request carried ${sent.length ? `only ${sent.join(', ')}` : 'no cookies'}${sessionCookies.length ? `, not the session cookie(s) ${sessionCookies.join(', ')} the server set at top level` : ''}.`;
    ctx.report({
      step: cb.step,
      messageId: 'silentRenewFailed',
      data: { top, serverOrigin: flow.serverOrigin, error: String(cb.error), id: earlier.id, cookieNote },
      evidence: [
        { label: 'error', value: cb.error ?? '', step: cb.step },
        { label: 'top page / authorization server', value: `${top} / ${flow.serverOrigin}` },
        ...(withheld && withheld.length ? [{ label: 'cookies not sent to the iframe', value: withheld.join(', '), step: a.step }] : []),
      ],
    });
  },
});
