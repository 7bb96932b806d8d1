import type { Flow } from '../model/flow';
import { flowProvider, isProviderUrl } from '../providers/match';
import { originOf, urlBase } from './params';

/**
 * The two flows of a brokered login (docs/architecture.md "Correlating flows" step 9). The app
 * sends the browser to a broker (Auth0 `connection=`, Supabase `/auth/v1/authorize?provider=`,
 * Cognito `identity_provider=`, Keycloak `kc_idp_hint=`, Azure AD B2C / Entra External ID): that is
 * the app's flow A. The broker then runs its own authorization request at the upstream provider
 * (Google, GitHub…), which returns to the broker's own endpoint (Auth0 `/login/callback`, Supabase
 * `/auth/v1/callback`, Keycloak `/broker/<alias>/endpoint`, Cognito `/oauth2/idpresponse`): that is
 * flow B, the upstream leg. Only then does the broker answer A's callback.
 *
 * B is A's upstream leg when all of these hold:
 * - B's authorization request is issued while A is between its authorization request and its
 *   callback (or A never reached one, within the correlation window);
 * - B's redirect_uri is on A's authorization server origin, or is one of the `broker_callback`
 *   shapes of A's provider profile (lib/providers, each citing the broker's documentation);
 * - A's callback, when there is one, does not come before B's callback;
 * - both ran in the same tab (or popup), and B is not a retry of A (same redirect_uri) nor, on
 *   A's own server, anything but a documented broker callback.
 * When several app flows qualify, the latest started wins (a retried login links to the retry).
 * A flow can be both: a broker behind another broker is the upstream leg of one flow and the app
 * flow of the next.
 */
export function linkBrokeredFlows(flows: readonly Flow[], windowMs: number): Flow[] {
  const appOf = new Map<Flow, Flow>();
  const legsOf = new Map<Flow, Flow[]>();
  const candidates = candidateIndex(flows);
  for (const leg of flows) {
    const app = brokeredFor(leg, candidates(leg), windowMs);
    if (!app) continue;
    appOf.set(leg, app);
    legsOf.set(app, [...(legsOf.get(app) ?? []), leg]);
  }
  if (appOf.size === 0) return [...flows];
  return flows.map((flow) => {
    const app = appOf.get(flow);
    const legs = legsOf.get(flow);
    if (!app && !legs) return flow;
    return { ...flow, ...(app ? { upstreamOf: app.id } : {}), ...(legs ? { upstreamLegs: legs.map((l) => l.id) } : {}) };
  });
}

/**
 * For a leg, the only flows that can be its app flow, in their original order: those whose
 * authorization server is the origin the leg returns to, and those whose provider documents the
 * leg's redirect_uri as a broker callback (`returnsToBroker` accepts nothing else). An index, so
 * that linking stays linear in the number of flows: a trace of thousands of logins at one server
 * has no leg returning to that server's origin.
 */
function candidateIndex(flows: readonly Flow[]): (leg: Flow) => Flow[] {
  const byOrigin = new Map<string, number[]>();
  const byProvider = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  flows.forEach((flow, i) => {
    if (flow.authorize === null) return;
    if (flow.serverOrigin !== null) add(byOrigin, flow.serverOrigin, i);
    const provider = flowProvider(flow);
    if (provider) add(byProvider, provider.id, i);
  });
  return (leg) => {
    const back = leg.redirectUri;
    if (back === null || leg.authorize === null) return [];
    const found = new Set<number>(byOrigin.get(originOf(back) ?? '') ?? []);
    for (const [id, indexes] of byProvider) if (isProviderUrl(back, id, ['broker_callback'])) for (const i of indexes) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => flows[i]!);
  };
}

function authorizeTime(flow: Flow): number | null {
  return flow.authorize ? (flow.steps[flow.authorize.step]?.time ?? null) : null;
}

function callbackTime(flow: Flow): number | null {
  return flow.callback ? (flow.steps[flow.callback.step]?.time ?? null) : null;
}

/** The app flow whose broker issued `leg`, or null, among the candidate flows (in their original order). */
function brokeredFor(leg: Flow, flows: readonly Flow[], windowMs: number): Flow | null {
  const start = authorizeTime(leg);
  const back = leg.redirectUri;
  if (start === null || back === null) return null;
  const legEnd = callbackTime(leg);
  let best: { app: Flow; start: number } | null = null;
  for (const app of flows) {
    if (app === leg) continue;
    const appStart = authorizeTime(app);
    if (appStart === null || appStart > start || start - appStart > windowMs) continue;
    const appEnd = callbackTime(app);
    if (appEnd !== null && (appEnd <= start || (legEnd !== null && appEnd < legEnd))) continue;
    if (!app.tabIds.some((t) => leg.tabIds.includes(t))) continue;
    if (!returnsToBroker(back, leg, app)) continue;
    if (!best || appStart >= best.start) best = { app, start: appStart };
  }
  return best?.app ?? null;
}

/**
 * Whether the leg's redirect_uri is the app flow's authorization server: its origin, or its
 * provider's documented broker callback. A retry of the app's own login (same redirect_uri) never
 * is; nor is a second login at the same server (an app hosted on its provider's origin, such as
 * Keycloak's admin console) unless it returns to the documented broker callback.
 */
function returnsToBroker(redirectUri: string, leg: Flow, app: Flow): boolean {
  if (app.redirectUri !== null && urlBase(app.redirectUri) === urlBase(redirectUri)) return false;
  const provider = flowProvider(app);
  const documented = provider !== null && isProviderUrl(redirectUri, provider.id, ['broker_callback']);
  if (leg.serverOrigin === app.serverOrigin) return documented;
  return documented || (app.serverOrigin !== null && originOf(redirectUri) === app.serverOrigin);
}
