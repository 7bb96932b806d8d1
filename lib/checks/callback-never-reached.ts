import { eventTime } from '../model/event';
import type { Flow, Step } from '../model/flow';
import { originOf, safeUrl, urlBase } from '../flow/params';
import { captureEnd, openerOf, tabRemovedAt, topPageOrigin } from './support/browser-context';
import { framingBlock } from './support/framing';
import { defineCheck, type CheckContext, type Report } from './types';

/** Visible text of an error page (tags and scripts removed), shortened. */
function pageText(step: Step): string | null {
  const body = step.event?.responseBody?.text;
  if (!body) return null;
  const text = body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, 300) : null;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/** The sub-reason (docs/checks.md `callback-never-reached`): what became of the authorization request. */
function diagnose(flow: Flow, ctx: CheckContext, start: Step): Omit<Report, 'step'> & { step: number | null } {
  const events = ctx.analysis.events;
  const last = flow.steps.reduce((t, s) => Math.max(t, s.time), start.time);
  if (flow.errorPage !== null) {
    const page = flow.steps[flow.errorPage]!;
    const text = pageText(page);
    return {
      step: flow.errorPage,
      severity: 'error',
      message: `Sub-reason: authorization-server error page. ${urlBase(page.url) ?? page.url} answered with HTTP ${page.status ?? '?'} instead of redirecting back${text ? `: "${text}"` : ''}.`,
      evidence: [{ label: 'error page', value: page.url, step: flow.errorPage }, ...(text ? [{ label: 'page text', value: text }] : [])],
    };
  }
  if (start.context === 'iframe') {
    const embedder = topPageOrigin(events, start.tabId, start.time, start.event);
    const blocked = flow.steps.find((s) => s.event && s.frameId === start.frameId && s.time >= start.time && !s.event.redirectUrl && framingBlock(s.event, embedder));
    const reason = blocked?.event ? framingBlock(blocked.event, embedder) : null;
    return {
      step: blocked ? flow.steps.indexOf(blocked) : null,
      message: reason
        ? `Sub-reason: framing blocked. The iframe authorization request was answered with ${reason} and never returned to the redirect_uri.`
        : `Sub-reason: iframe timed out. The hidden iframe (prompt=${flow.authorize?.prompt ?? '(none)'}) never reached the redirect_uri; the last step was ${seconds(last - start.time)} after the request.`,
    };
  }
  const popupClosed = openerOf(events, start.tabId) !== null ? tabRemovedAt(events, start.tabId, start.time) : null;
  if (popupClosed !== null) {
    return { step: null, message: `Sub-reason: popup closed. The login popup was closed ${seconds(popupClosed - start.time)} after the authorization request, before any callback.` };
  }
  const left = events.find((e) => {
    if (e.tabId !== start.tabId || e.frameId !== 0 || eventTime(e) <= last) return false;
    const top = e.kind === 'request' ? e.type === 'main_frame' : e.event === 'committed';
    const origin = originOf(e.url);
    return top && origin !== null && origin !== flow.serverOrigin && urlBase(e.url) !== (flow.redirectUri ? urlBase(flow.redirectUri) : null);
  });
  if (left) {
    return { step: null, message: `Sub-reason: user left the login page. The tab moved on to ${urlBase(left.url) ?? left.url} without returning to the redirect_uri.` };
  }
  const idle = captureEnd(events) - last;
  if (idle <= ctx.analysis.options.correlationWindowMs) {
    return {
      step: null,
      severity: 'info',
      message: `Sub-reason: still in progress. The tab was still on the authorization server's pages when the capture ended (${seconds(idle)} after the last step).`,
    };
  }
  return { step: null, message: `Sub-reason: abandoned. No callback within ${seconds(ctx.analysis.options.correlationWindowMs)} of the last authorization-server page.` };
}

/** RFC 6749 §4.1.2.1: an authorization request that never came back to the redirect_uri. */
export default defineCheck({
  id: 'callback-never-reached',
  severity: 'warning',
  title: 'The login never returned to the app',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'Depends on the sub-reason: an authorization-server error page, a closed popup, an iframe that timed out or was refused, or the user leaving the login page.',
  fix: 'See the sub-reason. For an error page, read the provider error text: a redirect_uri that is not registered is the usual cause.',
  run(flow, ctx) {
    const a = flow.authorize;
    const start = a ? flow.steps[a.step] : undefined;
    if (!a || !start || flow.callback) return;
    const custom = [a.redirectUri, ...flow.steps.map((s) => s.event?.redirectUrl)].find((u) => {
      const scheme = u ? safeUrl(u)?.protocol : undefined;
      return scheme !== undefined && !/^(?:https?|about|data|blob):$/.test(scheme);
    });
    if (custom) {
      ctx.notObservable(`The redirect goes to a custom scheme (${safeUrl(custom)?.protocol ?? custom}) handled by the operating system, outside the browser.`);
      return;
    }
    const found = diagnose(flow, ctx, start);
    ctx.report({ ...found, step: found.step ?? a.step, message: `No callback reached ${flow.redirectUri ?? 'the redirect_uri'}. ${found.message}` });
  },
});
