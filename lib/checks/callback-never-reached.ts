import { eventTime } from '../model/event';
import type { Flow, Step } from '../model/flow';
import { originOf, safeUrl, urlBase } from '../flow/params';
import { providerLabel } from '../flow/server-label';
import { captureEnd, openerOf, tabRemovedAt, topPageOrigin } from './support/browser-context';
import { errorPageText } from './support/error-page-text';
import { returnThroughFoldedChain } from './support/folded-redirects';
import { framingBlock } from './support/framing';
import { defineCheck, type CheckContext, type Report } from './types';

/** Visible text of an error page (support/error-page-text.ts), shortened for a message. */
function pageText(step: Step): string | null {
  const text = errorPageText(step).bodyText;
  return text ? text.slice(0, 300) : null;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

const messages = {
  errorPage: 'No callback reached {redirectUri}. Sub-reason: authorization-server error page. {page} answered with HTTP {status} instead of redirecting back{pageText}.',
  errorPageUnread:
    'No callback reached {redirectUri}. Sub-reason: authorization-server error page. {page} answered with HTTP {status} instead of redirecting back; its text was not captured. An authorization server shows its own page instead of redirecting only when the redirect_uri or the client_id is invalid (RFC 6749 §4.1.2.1): check that client_id "{clientId}" is registered at this server and that redirect_uri "{sentRedirectUri}" is registered for it exactly.',
  framingBlocked: 'No callback reached {redirectUri}. Sub-reason: framing blocked. The iframe authorization request was answered with {reason} and never returned to the redirect_uri.',
  iframeTimedOut: 'No callback reached {redirectUri}. Sub-reason: iframe timed out. The hidden iframe (prompt={prompt}) never reached the redirect_uri; the last step was {elapsed} after the request.',
  popupClosed: 'No callback reached {redirectUri}. Sub-reason: popup closed. The login popup was closed {elapsed} after the authorization request, before any callback.',
  upstreamFailed:
    'No callback reached {redirectUri}. Sub-reason: the upstream login failed. {broker} sent the browser on to {upstream} ({upstreamUrl}), which never returned to {broker} at {legRedirectUri}; the findings of that upstream flow say why.',
  userLeft: 'No callback reached {redirectUri}. Sub-reason: user left the login page. The tab moved on to {url} without returning to the redirect_uri.',
  inProgress: "No callback reached {redirectUri}. Sub-reason: still in progress. The tab was still on the authorization server's pages when the capture ended ({idle} after the last step).",
  abandoned: 'No callback reached {redirectUri}. Sub-reason: abandoned. No callback within {window} of the last authorization-server page.',
} as const;

/** Cause and fix of each sub-reason, so a finding never answers "depends on the sub-reason" once the sub-reason is known. */
const causes: Record<keyof typeof messages, { cause: string; fix: string }> = {
  errorPage: {
    cause: 'The authorization server refused the request on its own page instead of redirecting back, which it does only when it cannot trust the redirect_uri or the client_id (RFC 6749 §4.1.2.1). The page text above says which.',
    fix: "Match what the page names: register the redirect_uri exactly as sent (scheme, host, port, path, trailing slash) in the client's settings at the provider, or fix the client_id.",
  },
  errorPageUnread: {
    cause: 'The authorization server refused the request on its own page instead of redirecting back, which it does only when the redirect_uri or the client_id is invalid (RFC 6749 §4.1.2.1).',
    fix: "Register the redirect_uri exactly as sent in the client's settings at the provider, and check the client_id. Open DevTools before the login to capture the page's text.",
  },
  framingBlocked: {
    cause: 'The authorization server forbids being shown in a frame (X-Frame-Options or CSP frame-ancestors), so a silent iframe renewal cannot work.',
    fix: 'Renew with a refresh token, or run the login as a top-level redirect or a popup instead of a hidden iframe.',
  },
  iframeTimedOut: {
    cause: 'The hidden iframe got no answer it could hand back: usually the session cookie did not reach the authorization server (third-party cookie blocking) or the server asked for user interaction.',
    fix: 'Use refresh tokens (rotation) instead of iframe renewal, or fall back to a top-level redirect when the iframe times out.',
  },
  popupClosed: {
    cause: 'The login popup was closed before the authorization server redirected back: the user closed it, or the app closed it on a timeout.',
    fix: 'If the user did not close it, check that the app waits for the callback and that the callback page can reach its opener (Cross-Origin-Opener-Policy).',
  },
  upstreamFailed: {
    cause: "This is a brokered login: the authorization server is a broker that signs the user in at another provider first. That upstream login stopped before it came back to the broker, so the broker never answered the app.",
    fix: "Fix the upstream step, not the app: read the upstream flow's findings. A redirect_uri refused there is the broker's callback, registered in the upstream provider's console (for example Google's Authorized redirect URIs), not the app's.",
  },
  userLeft: {
    cause: 'The tab navigated away from the login pages to another site before any callback.',
    fix: 'If this was not the user, look at what the authorization server page did last: a link or script that left the flow.',
  },
  inProgress: {
    cause: "The capture ended while the tab was still on the authorization server's pages: the login was not finished yet.",
    fix: 'Finish the login, then look again.',
  },
  abandoned: {
    cause: "Nothing came back from the authorization server's pages: the user stopped there, or a step on those pages failed without a visible redirect.",
    fix: "Look at the last authorization-server page's response for an error, and retry the login with DevTools open.",
  },
};

/** The last upstream leg of a brokered login (lib/flow/broker-link.ts) when it never came back to the broker. */
function failedUpstreamLeg(flow: Flow, flows: readonly Flow[]): Flow | null {
  const last = flow.upstreamLegs?.[flow.upstreamLegs.length - 1];
  const leg = last === undefined ? undefined : flows.find((f) => f.id === last);
  return leg && leg.callback === null ? leg : null;
}

/** The sub-reason (docs/checks.md `callback-never-reached`): what became of the authorization request. */
function diagnose(flow: Flow, ctx: CheckContext<typeof messages>, start: Step): Report<typeof messages> {
  const events = ctx.analysis.events;
  const redirectUri = flow.redirectUri ?? 'the redirect_uri';
  const last = flow.steps.reduce((t, s) => Math.max(t, s.time), start.time);
  if (flow.errorPage !== null) {
    const page = flow.steps[flow.errorPage]!;
    const text = pageText(page);
    const at = { redirectUri, page: urlBase(page.url) ?? page.url, status: page.status ?? '?' };
    const evidence = [{ label: 'error page', value: page.url, step: flow.errorPage }];
    if (text) return { step: flow.errorPage, severity: 'error', messageId: 'errorPage', data: { ...at, pageText: `: "${text}"` }, evidence: [...evidence, { label: 'page text', value: text }] };
    // Without the page's text: the two causes RFC 6749 §4.1.2.1 allows, with the values sent.
    const a = flow.authorize;
    const sent = { clientId: a?.clientId ?? '(none sent)', sentRedirectUri: a?.redirectUri ?? '(none sent)' };
    return {
      step: flow.errorPage,
      severity: 'error',
      messageId: 'errorPageUnread',
      data: { ...at, ...sent },
      evidence: [...evidence, { label: 'client_id', value: sent.clientId, ...(a ? { step: a.step } : {}) }, { label: 'redirect_uri', value: sent.sentRedirectUri, ...(a ? { step: a.step } : {}) }],
    };
  }
  if (start.context === 'iframe') {
    const embedder = topPageOrigin(events, start.tabId, start.time, start.event);
    const blocked = flow.steps.find((s) => s.event && s.frameId === start.frameId && s.time >= start.time && !s.event.redirectUrl && framingBlock(s.event, embedder));
    const reason = blocked?.event ? framingBlock(blocked.event, embedder) : null;
    const step = blocked ? flow.steps.indexOf(blocked) : null;
    return reason
      ? { step, messageId: 'framingBlocked', data: { redirectUri, reason } }
      : { step, messageId: 'iframeTimedOut', data: { redirectUri, prompt: flow.authorize?.prompt ?? '(none)', elapsed: seconds(last - start.time) } };
  }
  const popupClosed = openerOf(events, start.tabId) !== null ? tabRemovedAt(events, start.tabId, start.time) : null;
  if (popupClosed !== null) {
    return { step: null, messageId: 'popupClosed', data: { redirectUri, elapsed: seconds(popupClosed - start.time) } };
  }
  const leg = failedUpstreamLeg(flow, ctx.analysis.flows);
  if (leg) {
    const legStart = leg.authorize ? leg.steps[leg.authorize.step] : undefined;
    return {
      step: null,
      messageId: 'upstreamFailed',
      data: { redirectUri, broker: providerLabel(flow), upstream: providerLabel(leg), upstreamUrl: urlBase(legStart?.url ?? '') ?? '?', legRedirectUri: leg.redirectUri ?? '?' },
    };
  }
  const left = events.find((e) => {
    if (e.tabId !== start.tabId || e.frameId !== 0 || eventTime(e) <= last) return false;
    const top = e.kind === 'request' ? e.type === 'main_frame' : e.event === 'committed';
    const origin = originOf(e.url);
    return top && origin !== null && origin !== flow.serverOrigin && urlBase(e.url) !== (flow.redirectUri ? urlBase(flow.redirectUri) : null);
  });
  if (left) {
    return { step: null, messageId: 'userLeft', data: { redirectUri, url: urlBase(left.url) ?? left.url } };
  }
  const idle = captureEnd(events) - last;
  if (idle <= ctx.analysis.options.correlationWindowMs) {
    return { step: null, severity: 'info', messageId: 'inProgress', data: { redirectUri, idle: seconds(idle) } };
  }
  return { step: null, messageId: 'abandoned', data: { redirectUri, window: seconds(ctx.analysis.options.correlationWindowMs) } };
}

/** RFC 6749 §4.1.2.1: an authorization request that never came back to the redirect_uri. */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'The login never returned to the app',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'Depends on the sub-reason: an authorization-server error page, a closed popup, an iframe that timed out or was refused, or the user leaving the login page.',
  fix: 'See the sub-reason. For an error page, read the provider error text: a redirect_uri that is not registered is the usual cause.',
  messages,
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
    if (returnThroughFoldedChain(flow, ctx.analysis.events)) {
      // Safari's HAR: the callback went by inside a redirect chain written as one entry (redirects-not-in-har says so).
      ctx.notObservable('The HAR folds each redirect chain into one entry (Safari): the callback passed inside the chain that came back to the app.');
      return;
    }
    const found = diagnose(flow, ctx, start);
    ctx.report({ ...causes[found.messageId], ...found, step: found.step ?? a.step });
  },
});
