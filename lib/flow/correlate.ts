import type { CapturedEvent, RequestEvent } from '../model/event';
import type { Flow } from '../model/flow';
import { buildAuthorizeRequest, parRequestUri } from './authorize-request';
import { addStep, withNote, finishFlow, grantFromResponseType, makeStep, newBuilder, redirectBase, type FlowBuilder } from './builder';
import { buildCallback, readResponseParams } from './callback-response';
import { classifyRequest, isCorsPreflight, isDocument } from './classify';
import type { AnalysisOptions, DiscoveryDoc, JwksDoc } from '../model/analysis-context';
import { discoveryForAuthorize, learnEndpoints, toDiscoveryDoc, toJwksDoc } from './discovery';
import { BuilderIndex } from './builder-index';
import { indexHops, type HopIndex } from './hops';
import { attachByOrigin, attachUserinfo } from './attach';
import { bodyParams, getParam, headerValue, originOf, queryParams, urlBase } from './params';
import { finishExchange, matchToken, type VerifierHashes } from './match-token';
import { isForeignPlaceholder } from '../placeholders/foreign';
import { AUTHORIZATION_ERROR_MEANINGS } from '../diagnosis/oauth-error-codes';
import { providerOfUrl } from '../providers/match';
import { linkBrokeredFlows } from './broker-link';

export interface Correlation {
  flows: Flow[];
  discovery: DiscoveryDoc[];
  jwks: JwksDoc[];
}

export type { VerifierHashes } from './match-token';

/**
 * Join request hops into flows (docs/architecture.md "Correlating flows"): open a flow per authorization request, match
 * callbacks by state, then redirect_uri + previous hop, then tab lineage; match token requests by
 * code, then PKCE, then client + redirect_uri + time; label server-side exchanges not observable.
 */
export function correlate(events: readonly CapturedEvent[], options: AnalysisOptions, hashes: VerifierHashes): Correlation {
  const hops = indexHops(events);
  const discovery = hops.requests.filter((r) => /\/\.well-known\//.test(r.url)).map(toDiscoveryDoc);
  const known = learnEndpoints(discovery);
  const index = new BuilderIndex();
  const builders = index.all;
  const pars: RequestEvent[] = [];
  const late: Array<{ event: RequestEvent; kind: 'discovery' | 'jwks' | 'userinfo' | 'resource' | 'revocation' | 'introspection' }> = [];
  const jwks: JwksDoc[] = [];
  const window = options.correlationWindowMs;

  const openFlows = (event: RequestEvent) => {
    const lineage = hops.lineage(event.tabId);
    return index.awaitingCallback(event.startTime, window).filter((b) => b.flow.serverOrigin !== null && lineage.some((t) => b.flow.tabIds.includes(t)));
  };

  for (const event of hops.requests) {
    if (isCorsPreflight(event)) continue;
    const kind = classifyRequest(event, hops.fullUrl(event), known);
    switch (kind) {
      case 'authorize':
        index.push(openAuthorize(event, hops, pars, discovery, window));
        break;
      case 'par':
        pars.push(event);
        break;
      case 'callback-candidate':
        // A hop at an open flow's redirect_uri is its callback, even on another flow's server: a
        // broker's callback (Auth0 /login/callback) is the upstream flow's, not a broker login page.
        if (awaitedHere(event, index, window) || !attachAsLogin(event, openFlows(event), hops)) matchCallback(event, index, hops, window);
        break;
      case 'token':
        matchToken(event, index, hops, hashes, window);
        break;
      case 'logout':
      case 'device-authorization':
        index.push(standaloneFlow(kind, event, hops));
        break;
      case 'jwks':
        jwks.push(toJwksDoc(event));
        late.push({ event, kind });
        break;
      case 'discovery':
      case 'userinfo':
      case 'resource':
      case 'revocation':
      case 'introspection':
        late.push({ event, kind });
        break;
      case null:
        attachAsLogin(event, openFlows(event), hops) || attachToChain(event, builders, hops);
        break;
      default:
        attachAsLogin(event, openFlows(event), hops);
    }
  }

  for (const { event, kind } of late) {
    if (kind === 'userinfo' || kind === 'resource') attachUserinfo(event, kind, builders, hops, window);
    else attachByOrigin(event, kind, builders, hops, window);
  }
  for (const b of builders) finishExchange(b);
  const flows = builders
    .filter((b) => b.flow.steps.length > 0)
    .sort((a, b) => a.flow.startTime - b.flow.startTime)
    .map((b, i) => finishFlow(b, `f${i + 1}`));
  return { flows: linkBrokeredFlows(flows, window), discovery, jwks };
}

function openAuthorize(event: RequestEvent, hops: HopIndex, pars: RequestEvent[], docs: DiscoveryDoc[], window: number): FlowBuilder {
  const requestUri = getParam(queryParams(event.url), 'request_uri');
  const clientId = getParam(queryParams(event.url), 'client_id');
  const par = requestUri ? findPar(pars, requestUri, clientId, event.startTime, window) : null;
  const b = newBuilder('unknown', event.startTime, event.tabId);
  const previous = hops.previousHop(event);
  if (previous) addStep(b, makeStep('app', previous, hops));
  if (par) addStep(b, makeStep('par', par, hops));
  b.authorizeRef = addStep(b, makeStep('authorize', event, hops));
  const authorize = buildAuthorizeRequest(0, event, par);
  const doc = discoveryForAuthorize(docs, event.url);
  b.flow.authorize = authorize;
  b.flow.grant = grantFromResponseType(authorize.responseType);
  // GitHub-style endpoints take no response_type: they only run the code grant (documented deviation).
  if (!authorize.responseType && providerOfUrl(event.url)?.deviations?.some((d) => d.id === 'authorize-without-response-type')) b.flow.grant = 'authorization_code';
  b.flow.clientId = authorize.clientId;
  b.flow.redirectUri = authorize.redirectUri;
  b.flow.serverOrigin = originOf(event.url);
  b.flow.issuer = doc?.issuer ?? null;
  markErrorPage(b, event);
  return b;
}

function findPar(pars: RequestEvent[], requestUri: string, clientId: string | null, time: number, window: number): RequestEvent | null {
  const byUri = pars.find((p) => parRequestUri(p) === requestUri);
  if (byUri) return byUri;
  const candidates = pars.filter((p) => time - p.startTime <= window && getParam(bodyParams(p), 'client_id') === clientId);
  return candidates[candidates.length - 1] ?? null;
}

/** An authorization-server page between authorize and callback: login form, consent, resume. */
function attachAsLogin(event: RequestEvent, open: FlowBuilder[], hops: HopIndex): boolean {
  // Most requests of a capture happen while no flow waits for its callback.
  if (open.length === 0) return false;
  const origin = originOf(event.url);
  const target = [...open].reverse().find((b) => b.flow.serverOrigin === origin && urlBase(event.url) !== redirectBase(b));
  if (!target) return false;
  const chained = hops.previousHop(event);
  const isNavigation = isDocument(event) || event.method.toUpperCase() === 'POST' || (chained !== null && target.events.has(chained));
  if (!isNavigation) return false;
  addStep(target, makeStep('login', event, hops));
  markErrorPage(target, event);
  return true;
}

function awaitedHere(event: RequestEvent, index: BuilderIndex, window: number): boolean {
  const base = urlBase(event.url);
  return base !== null && index.awaitingCallback(event.startTime, window).some((b) => b.flow.callback === null && redirectBase(b) === base);
}

/** An app hop in a redirect chain already part of a flow (e.g. the page the callback redirects to). */
function attachToChain(event: RequestEvent, builders: FlowBuilder[], hops: HopIndex): boolean {
  const previous = hops.previousHop(event);
  if (!previous) return false;
  const owner = builders.find((b) => b.events.has(previous) && b.flow.callback !== null);
  if (!owner || !owner.callbackRef?.event || !sameChain(owner.callbackRef.event, event, hops)) return false;
  addStep(owner, withNote(makeStep('app', event, hops), 'after the callback'));
  return true;
}

function sameChain(a: RequestEvent, b: RequestEvent, hops: HopIndex): boolean {
  let cursor: RequestEvent | null = hops.previousHop(b);
  for (let i = 0; cursor && i < 5; i++, cursor = hops.previousHop(cursor)) if (cursor === a) return true;
  return false;
}

/** A 4xx/5xx page, or an error page URL, shown by the authorization server (docs/checks.md `callback-never-reached`). */
function markErrorPage(b: FlowBuilder, event: RequestEvent): void {
  const status = event.status ?? 0;
  const errorish = status >= 400 || /[?&]error=|\/error(?:[/?#]|$)/.test(event.url);
  if (!errorish || !isDocument(event) || event.redirectUrl) return;
  const step = b.flow.steps.find((s) => s.event === event) ?? null;
  if (step && step.kind === 'login') step.kind = 'error-page';
  b.errorPageRef = step;
}

function matchCallback(event: RequestEvent, index: BuilderIndex, hops: HopIndex, window: number): void {
  const { params } = readResponseParams(event, hops.fullUrl(event));
  const sentState = getParam(params, 'state');
  // A placeholder another tool left ("[state redacted]") is no state to match by: two are never equal (issue 17 point 2).
  const state = isForeignPlaceholder(sentState) ? null : sentState;
  const inWindow = (b: FlowBuilder) => b.flow.authorize !== null && event.startTime >= b.flow.startTime && event.startTime - b.flow.startTime <= window;
  const latest = (list: FlowBuilder[]) => list[list.length - 1] ?? null;

  const byState = state === null ? [] : index.withState(state).filter(inWindow);
  const open = (b: FlowBuilder) => b.flow.callback === null;
  let target = latest(byState.filter(open));
  let matchedBy: 'state' | 'redirect-uri' | 'lineage' | 'orphan' = 'state';

  if (!target && byState.length === 0) {
    const base = urlBase(event.url);
    const fromServer = (b: FlowBuilder) => serverSent(event, b.flow.serverOrigin, hops);
    const lineage = hops.lineage(event.tabId);
    const related = (b: FlowBuilder) => lineage.some((t) => b.flow.tabIds.includes(t));
    const waiting = index.awaitingCallback(event.startTime, window);
    target = latest(waiting.filter((b) => inWindow(b) && open(b) && redirectBase(b) === base && (fromServer(b) || related(b))));
    matchedBy = 'redirect-uri';
    if (!target) {
      target = latest(waiting.filter((b) => inWindow(b) && open(b) && related(b) && fromServer(b)));
      matchedBy = 'lineage';
    }
  }
  if (!target) {
    // Orphan: capture began mid-flow, an IdP-initiated response, a replayed callback, or CSRF.
    const hasState = sentState !== null || byState.length > 0;
    const hasResponse = ['code', 'error', 'id_token', 'access_token'].some((n) => getParam(params, n) !== null);
    if (!hasResponse || (!hasState && !isOAuthError(params))) return;
    target = newBuilder('unknown', event.startTime, event.tabId);
    index.push(target);
    matchedBy = 'orphan';
  }
  target.callbackRef = addStep(target, makeStep('callback', event, hops));
  const callback = buildCallback(0, event, hops.fullUrl(event), matchedBy);
  target.flow.callback = callback;
  index.callbackSet(target);
  if (matchedBy === 'orphan') {
    target.flow.serverOrigin = originOf(hops.previousHop(event)?.url ?? '') ?? null;
    target.flow.redirectUri = urlBase(event.url);
  }
  target.flow.issuer ??= callback.iss;
  if (target.flow.grant === 'unknown') target.flow.grant = grantFromCallback(callback);
}

/**
 * An OAuth error response without state still opens a flow (issue 17 point 7: GitHub sends
 * redirect_uri_mismatch to the registered callback), but only when it reads as OAuth: an RFC 6749
 * code, or error_description / error_uri beside it. A site's own "/login?error=bad_password" does not.
 */
function isOAuthError(params: ReturnType<typeof readResponseParams>['params']): boolean {
  const error = getParam(params, 'error');
  if (error === null) return false;
  return error in AUTHORIZATION_ERROR_MEANINGS || getParam(params, 'error_description') !== null || getParam(params, 'error_uri') !== null;
}

/** The response type as the callback shows it, for orphans and opaque (PAR) requests. */
function grantFromCallback(cb: { code: string | null; idToken: string | null; accessToken: string | null }): Flow['grant'] {
  if (cb.code && (cb.idToken || cb.accessToken)) return 'hybrid';
  if (cb.code) return 'authorization_code';
  if (cb.idToken || cb.accessToken) return 'implicit';
  return 'unknown';
}

/** Did the authorization server send the browser here: previous redirect hop, or Origin/Referer of a form_post? */
function serverSent(event: RequestEvent, serverOrigin: string | null, hops: HopIndex): boolean {
  if (!serverOrigin) return false;
  const previous = hops.previousHop(event);
  if (previous && originOf(previous.url) === serverOrigin) return true;
  const origin = headerValue(event.requestHeaders, 'origin');
  const referer = headerValue(event.requestHeaders, 'referer');
  return origin === serverOrigin || (referer !== null && originOf(referer) === serverOrigin);
}

function standaloneFlow(kind: 'logout' | 'device-authorization', event: RequestEvent, hops: HopIndex): FlowBuilder {
  const b = newBuilder(kind === 'device-authorization' ? 'device_code' : 'unknown', event.startTime, event.tabId);
  addStep(b, makeStep(kind, event, hops));
  b.flow.serverOrigin = originOf(event.url);
  b.flow.clientId = getParam([...queryParams(event.url), ...bodyParams(event)], 'client_id');
  if (kind === 'logout') {
    b.flow.redirectUri = getParam(queryParams(event.url), 'post_logout_redirect_uri');
    for (let hop = hops.nextHop(event); hop; hop = hops.nextHop(hop)) {
      addStep(b, makeStep(originOf(hop.url) === b.flow.serverOrigin ? 'logout' : 'app', hop, hops));
    }
  }
  return b;
}
