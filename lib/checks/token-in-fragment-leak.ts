import { headerValue, originOf, stripFragment, urlBase } from '../flow/params';
import type { CapturedEvent, RequestEvent } from '../model/event';
import { requestsAfter, stepEvent } from './support/browser-context';
import { defineCheck } from './types';

/** Did the page clear the token from its URL (replaceState / hash change / new commit) after `time`? */
function hashCleared(events: readonly CapturedEvent[], tabId: number, frameId: number, time: number, values: string[]): boolean | null {
  const navs = events.filter((e) => e.kind === 'navigation' && e.tabId === tabId);
  if (navs.length === 0) return null; // no navigation events captured (e.g. a HAR): cannot tell
  return navs.some((e) => e.kind === 'navigation' && e.frameId === frameId && e.time >= time && !values.some((v) => e.url.includes(v)));
}

/**
 * RFC 9700 §4.1.2, §4.1.3, §4.2, §4.3.2; RFC 6749 §10.16: a fragment with tokens leaks when a
 * redirect carries it along (RFC 9110 §10.2.2: a Location without a fragment inherits it), when
 * third-party scripts run while it stays in the URL, or when the app copies it into a URL.
 */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Tokens from the callback fragment leak further',
  refs: [{ spec: 'RFC 9700', section: '4.1.2' }, { spec: 'RFC 9700', section: '4.1.3' }, { spec: 'RFC 9700', section: '4.2' }, { spec: 'RFC 9700', section: '4.3.2' }, { spec: 'RFC 6749', section: '10.16' }],
  cause: 'Implicit or hybrid flow plus routers that keep or forward the hash, third-party scripts on the callback page, or code that moves token values into URLs.',
  fix: 'Move to the code flow. Until then, clear the hash right away, and add an explicit fragment (e.g. #_) to any server redirect from the callback so the browser does not carry the old one.',
  messages: {
    fragmentLeak: 'The callback fragment carries {names}, and {reasons}.',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    const event = stepEvent(flow, cb?.step);
    if (!cb || !event || cb.location !== 'fragment') return;
    const values = [cb.accessToken, cb.idToken].filter((v): v is string => v !== null && v.length >= 8);
    if (values.length === 0) return;
    const names = [cb.accessToken ? 'access_token' : null, cb.idToken ? 'id_token' : null].filter(Boolean).join(' and ');
    const reasons: string[] = [];
    const evidence: Array<{ label: string; value: string; step?: number }> = [];

    // (a) the callback is redirected by a Location without a fragment of its own.
    if (event.redirectUrl && !event.redirectUrl.includes('#')) {
      reasons.push(`the callback page redirects to ${urlBase(event.redirectUrl) ?? event.redirectUrl} without a fragment, so the browser carries the ${names} along`);
      evidence.push({ label: 'Location (no fragment)', value: event.redirectUrl, step: cb.step });
    }
    const later = requestsAfter(ctx.analysis.events, event.startTime).filter((r) => r !== event);
    const appOrigin = originOf(event.url);
    // (b) the fragment stays while third-party scripts load into the callback document.
    if (!event.redirectUrl && hashCleared(ctx.analysis.events, event.tabId, event.frameId, event.startTime, values) === false) {
      const scripts = later.filter((r) => r.tabId === event.tabId && r.type === 'script' && ![appOrigin, flow.serverOrigin].includes(originOf(r.url)));
      if (scripts.length > 0) {
        const origins = [...new Set(scripts.map((r) => originOf(r.url)))].join(', ');
        reasons.push(`the token stays in the URL while scripts from ${origins} run on the callback page`);
        evidence.push({ label: 'third-party scripts', value: origins });
      }
    }
    // (c) token values copied into a URL query or a Referer.
    const copied = later.filter((r: RequestEvent) => {
      const url = stripFragment(r.url);
      const referer = headerValue(r.requestHeaders, 'referer') ?? '';
      return values.some((v) => url.includes(v) || referer.includes(v));
    });
    const firstCopy = copied[0];
    if (firstCopy) {
      reasons.push(`a later request to ${urlBase(firstCopy.url) ?? firstCopy.url} carries the token in its URL or Referer`);
      evidence.push({ label: 'token copied to', value: urlBase(firstCopy.url) ?? firstCopy.url });
    }
    if (reasons.length === 0) return;
    ctx.report({ step: cb.step, messageId: 'fragmentLeak', data: { names, reasons: reasons.join('; ') }, evidence });
  },
});
