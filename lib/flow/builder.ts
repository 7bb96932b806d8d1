import type { RequestEvent } from '../model/event';
import type { Flow, Grant, Step, StepKind, TokenExchange } from '../model/flow';
import { NAVIGATION_ONLY, type HopIndex } from './hops';
import { urlBase } from './params';
import { UNKNOWN_METHOD } from './page-only';
import { recoveredFrom, recoveredNotes } from './recovered';

/**
 * A flow under construction. Steps are held by reference while correlation runs; indices are
 * assigned once, in `finishFlow`, after the steps are put in time order.
 */
export interface FlowBuilder {
  flow: Flow;
  authorizeRef: Step | null;
  callbackRef: Step | null;
  errorPageRef: Step | null;
  tokenRefs: Array<{ ref: Step; exchange: TokenExchange }>;
  events: Set<RequestEvent>;
}

/** Said on a step whose response body was recorded but cannot be read (issue 12). */
export const UNDECODABLE_NOTE = 'body not decodable: the recorder wrote a response body that is not valid base64';

/** Said on a step rebuilt from a navigation whose request the capture did not see (lib/flow/hops.ts). */
export const NAVIGATION_ONLY_NOTE = 'seen only as a navigation: the capture did not see the request (it started mid-login, or the page came from the back/forward cache)';

export function makeStep(kind: StepKind, event: RequestEvent, hops: HopIndex): Step {
  const step: Step = {
    kind,
    event,
    observed: true,
    method: event.seenByPageOnly ? UNKNOWN_METHOD : event.method.toUpperCase(),
    url: hops.fullUrl(event),
    status: event.status ?? null,
    time: event.startTime,
    tabId: event.tabId,
    frameId: event.frameId,
    context: hops.contextOf(event),
  };
  if (event.responseBody?.undecodable) step.note = UNDECODABLE_NOTE;
  if (event.id.startsWith(NAVIGATION_ONLY)) step.note = NAVIGATION_ONLY_NOTE;
  const recovered = recoveredFrom(event, hops.nextHop(event));
  if (recovered) {
    step.recovered = recovered;
    if (event.seenByPageOnly) step.seenByPageOnly = true;
    step.note = step.note ? `${recoveredNotes(event, recovered)}; ${step.note}` : recoveredNotes(event, recovered);
  }
  return step;
}

/** Two notes on one step are both kept. */
export function withNote(step: Step, note: string): Step {
  return { ...step, note: step.note ? `${note}; ${step.note}` : note };
}

export function newBuilder(grant: Grant, startTime: number, tabId: number): FlowBuilder {
  return {
    flow: {
      id: '',
      grant,
      clientId: null,
      issuer: null,
      serverOrigin: null,
      redirectUri: null,
      steps: [],
      authorize: null,
      callback: null,
      tokens: [],
      tokenExchange: 'none',
      errorPage: null,
      startTime,
      tabIds: [tabId],
    },
    authorizeRef: null,
    callbackRef: null,
    errorPageRef: null,
    tokenRefs: [],
    events: new Set(),
  };
}

export function addStep(builder: FlowBuilder, step: Step): Step {
  if (step.event) {
    if (builder.events.has(step.event)) return step;
    builder.events.add(step.event);
  }
  builder.flow.steps.push(step);
  if (!builder.flow.tabIds.includes(step.tabId)) builder.flow.tabIds.push(step.tabId);
  return step;
}

/** Put steps in time order (stable) and point the typed records at their final indices. */
export function finishFlow(builder: FlowBuilder, id: string): Flow {
  const flow = builder.flow;
  const order = new Map(flow.steps.map((s, i) => [s, i]));
  flow.steps.sort((a, b) => a.time - b.time || order.get(a)! - order.get(b)!);
  const indexOf = (s: Step) => flow.steps.indexOf(s);
  flow.id = id;
  if (flow.authorize && builder.authorizeRef) flow.authorize.step = indexOf(builder.authorizeRef);
  if (flow.callback && builder.callbackRef) flow.callback.step = indexOf(builder.callbackRef);
  flow.errorPage = builder.errorPageRef ? indexOf(builder.errorPageRef) : null;
  flow.tokens = builder.tokenRefs.map(({ ref, exchange }) => ({ ...exchange, step: indexOf(ref) }));
  flow.startTime = flow.steps[0]?.time ?? flow.startTime;
  return flow;
}

export function grantFromResponseType(responseType: string | null): Grant {
  if (!responseType) return 'unknown';
  const parts = responseType.split(' ');
  const code = parts.includes('code');
  const tokens = parts.includes('token') || parts.includes('id_token');
  if (code && tokens) return 'hybrid';
  if (code) return 'authorization_code';
  if (tokens) return 'implicit';
  return 'unknown';
}

export function grantFromGrantType(grantType: string | null): Grant {
  switch (grantType) {
    case 'authorization_code':
    case 'refresh_token':
    case 'client_credentials':
      return grantType;
    case 'urn:ietf:params:oauth:grant-type:device_code':
      return 'device_code';
    default:
      return 'unknown';
  }
}

/** scheme://host:port/path of the flow's redirect_uri (RFC 6749 §3.1.2 compares without the query). */
export function redirectBase(b: FlowBuilder): string | null {
  return b.flow.redirectUri ? urlBase(b.flow.redirectUri) : null;
}
