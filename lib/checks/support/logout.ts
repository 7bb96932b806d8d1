import type { AnalysisContext } from '../../model/analysis-context';
import { bodyParams, getParam, queryParams, urlBase } from '../../flow/params';
import { eventTime } from '../../model/event';
import type { Flow } from '../../model/flow';

/** An RP-initiated logout request (RPLogout §2): GET query or POST form to end_session_endpoint. */
export interface LogoutRequest {
  step: number;
  url: string;
  time: number;
  tabId: number;
  postLogoutRedirectUri: string | null;
  state: string | null;
  idTokenHint: string | null;
  clientId: string | null;
}

export function logoutRequest(flow: Flow): LogoutRequest | null {
  const step = flow.steps.findIndex((s) => s.kind === 'logout' && s.event !== null);
  const s = flow.steps[step];
  if (!s?.event) return null;
  const params = [...queryParams(s.url), ...(s.method === 'POST' ? bodyParams(s.event) : [])];
  const get = (name: string) => getParam(params, name);
  return { step, url: s.url, time: s.time, tabId: s.tabId, postLogoutRedirectUri: get('post_logout_redirect_uri'), state: get('state'), idTokenHint: get('id_token_hint'), clientId: get('client_id') };
}

/** How long after the logout request a return to the client still counts (a confirmation prompt may wait for the user). */
const RETURN_WINDOW_MS = 10 * 60 * 1000;

/**
 * The navigation back to `post_logout_redirect_uri` (RPLogout §3), in the logout's redirect chain
 * or later in the same tab (after a confirmation page): its URL and step, if it is in the flow.
 */
export function returnToClient(flow: Flow, logout: LogoutRequest, ctx: AnalysisContext): { url: string; step: number | null } | null {
  const target = logout.postLogoutRedirectUri ? urlBase(logout.postLogoutRedirectUri) : null;
  if (!target) return null;
  const inFlow = flow.steps.findIndex((s, i) => i > logout.step && urlBase(s.url) === target);
  if (inFlow >= 0) return { url: flow.steps[inFlow]!.url, step: inFlow };
  const later = ctx.events
    .filter((e) => e.tabId === logout.tabId && eventTime(e) > logout.time && eventTime(e) - logout.time <= RETURN_WINDOW_MS && urlBase(e.url) === target)
    .sort((a, b) => eventTime(a) - eventTime(b))[0];
  return later ? { url: later.url, step: null } : null;
}
