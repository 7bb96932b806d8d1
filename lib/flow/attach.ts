import type { RequestEvent } from '../model/event';
import type { StepKind } from '../model/flow';
import { addStep, makeStep, type FlowBuilder } from './builder';
import type { HopIndex } from './hops';
import { headerValue, originOf, stringField } from './params';

/**
 * Discovery, JWKS, revocation and introspection requests belong to the flow of the same
 * authorization server that is nearest in time (the SPA fetches metadata just before login,
 * or keys just after the token response).
 */
export function attachByOrigin(event: RequestEvent, kind: StepKind, builders: FlowBuilder[], hops: HopIndex, window: number): void {
  const origin = originOf(event.url);
  const lineage = hops.lineage(event.tabId);
  const candidates = builders.filter(
    (b) =>
      b.flow.serverOrigin === origin &&
      Math.abs(event.startTime - b.flow.startTime) <= window &&
      (event.tabId < 0 || lineage.some((t) => b.flow.tabIds.includes(t))),
  );
  const nearest = (kind === 'discovery' ? upcomingFlow(candidates, event.startTime) : null) ?? nearestFlow(candidates, event.startTime);
  if (nearest) addStep(nearest, makeStep(kind, event, hops));
}

/** Metadata is fetched just before the login it serves: a flow starting shortly after wins over an older one. */
const UPCOMING_MS = 60_000;

function upcomingFlow(candidates: FlowBuilder[], time: number): FlowBuilder | null {
  const after = candidates.filter((b) => b.flow.startTime >= time && b.flow.startTime - time <= UPCOMING_MS);
  return after.sort((a, b) => a.flow.startTime - b.flow.startTime)[0] ?? null;
}

/** UserInfo and resource calls: by the access token they present, else the nearest flow of that server. */
export function attachUserinfo(event: RequestEvent, kind: StepKind, builders: FlowBuilder[], hops: HopIndex, window: number): void {
  const presented = (headerValue(event.requestHeaders, 'authorization') ?? '').replace(/^\s*(?:bearer|dpop)\s+/i, '');
  const byToken = presented
    ? builders.filter((b) => b.flow.callback?.accessToken === presented || b.tokenRefs.some((t) => stringField(t.exchange.response, 'access_token') === presented))
    : [];
  if (byToken.length) {
    addStep(byToken[byToken.length - 1]!, makeStep(kind, event, hops));
    return;
  }
  if (kind === 'userinfo') attachByOrigin(event, kind, builders, hops, window);
}

function nearestFlow(candidates: FlowBuilder[], time: number): FlowBuilder | null {
  // Prefer the latest flow that started before the request; else the first one after it.
  const before = candidates.filter((b) => b.flow.startTime <= time);
  if (before.length) return before[before.length - 1]!;
  return candidates.sort((a, b) => a.flow.startTime - b.flow.startTime)[0] ?? null;
}
