import type { RequestEvent } from '../model/event';
import type { Step } from '../model/flow';
import { addStep, grantFromGrantType, makeStep, newBuilder, redirectBase, type FlowBuilder } from './builder';
import type { BuilderIndex } from './builder-index';
import type { HopIndex } from './hops';
import { bodyUnknown } from './page-only';
import { getParam, originOf, stringField, urlBase } from './params';
import { buildTokenExchange } from './token-exchange';
import { isForeignPlaceholder } from '../placeholders/foreign';
import { sessionExchangeOf } from '../providers/match';

/** BASE64URL(SHA-256(verifier)), precomputed before correlation (WebCrypto is async); null if unknown. */
export type VerifierHashes = (verifier: string) => string | null;

/**
 * Token requests join flows (docs/architecture.md "Correlating flows" step 3): by code, then by an S256 verifier that
 * hashes to a flow's challenge, then by client + redirect_uri + time; device-code polls by their
 * device_code; anything else opens a flow of its own grant.
 */
export function matchToken(event: RequestEvent, index: BuilderIndex, hops: HopIndex, hashes: VerifierHashes, window: number): void {
  const builders = index.all;
  const exchange = buildTokenExchange(0, event, 'standalone');
  const near = (b: FlowBuilder) => event.startTime >= b.flow.startTime && event.startTime - b.flow.startTime <= window;
  let target: FlowBuilder | null = null;
  const redeemsCode = exchange.grantType === 'authorization_code' || (exchange.grantType === null && exchange.code) || (exchange.grantType !== null && sessionExchangeOf(event.url)?.grantType === exchange.grantType);
  if (redeemsCode) {
    // Placeholders another tool left ("[code redacted]") are never equal to each other (issue 17 point 2).
    const code = isForeignPlaceholder(exchange.code) ? null : exchange.code;
    const byCode = code !== null ? index.withCode(code) : [];
    target = byCode.find((b) => b.flow.authorize) ?? byCode[0] ?? null;
    exchange.matchedBy = 'code';
    if (!target && exchange.codeVerifier && !isForeignPlaceholder(exchange.codeVerifier)) {
      const challenge = hashes(exchange.codeVerifier);
      const verifier = exchange.codeVerifier;
      // Only flows whose code_challenge is the hash (S256) or the verifier itself (plain) can match.
      const byChallenge = [...(challenge !== null ? index.withChallenge(challenge) : []), ...(challenge !== verifier ? index.withChallenge(verifier) : [])];
      target =
        index.inOpeningOrder(byChallenge).find((b) => {
          const a = b.flow.authorize;
          if (!a?.codeChallenge || !near(b)) return false;
          return a.codeChallengeMethod === 'plain' ? a.codeChallenge === exchange.codeVerifier : a.codeChallenge === challenge;
        }) ?? null;
      exchange.matchedBy = 'pkce';
    }
    if (!target && exchange.code !== null && code === null) {
      // The code is a placeholder: the tab that received the callback redeems it (what matching by code would find).
      const sameTab = builders.filter((b) => near(b) && b.flow.callback?.code && b.flow.tabIds.includes(event.tabId));
      target = sameTab[sameTab.length - 1] ?? null;
      exchange.matchedBy = 'proximity';
    }
    if (!target) {
      const candidates = builders.filter(
        (b) =>
          near(b) &&
          b.flow.callback?.code &&
          b.tokenRefs.length === 0 &&
          (exchange.clientId === null || isForeignPlaceholder(exchange.clientId) || b.flow.clientId === exchange.clientId) &&
          (exchange.redirectUri === null || b.flow.redirectUri === exchange.redirectUri || redirectBase(b) === urlBase(exchange.redirectUri)),
      );
      target = candidates[candidates.length - 1] ?? null;
      exchange.matchedBy = 'proximity';
    }
  } else if (bodyUnknown(event)) {
    // Seen by the page only, or its start lost (page-only.ts): no body, so no code to match by. The
    // flow of this tab (or its opener) whose callback got a code and no token request yet redeems it.
    const tabs = hops.lineage(event.tabId);
    const candidates = builders.filter((b) => near(b) && b.flow.callback?.code && b.tokenRefs.length === 0 && b.flow.tabIds.some((t) => tabs.includes(t)));
    target = candidates[candidates.length - 1] ?? null;
    exchange.matchedBy = 'proximity';
  } else if (exchange.grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
    const deviceCode = getParam(exchange.params, 'device_code');
    // By the device-authorization response, else by earlier polls with the same device_code (the
    // device-authorization response may not have been captured; RFC 8628 §3.4).
    target =
      builders.find(
        (b) =>
          b.flow.grant === 'device_code' &&
          deviceCode !== null &&
          (deviceCodeOf(b) === deviceCode || b.tokenRefs.some((t) => getParam(t.exchange.params, 'device_code') === deviceCode)),
      ) ?? null;
    exchange.matchedBy = 'code';
  }
  if (!target) {
    target = newBuilder(grantFromGrantType(exchange.grantType), event.startTime, event.tabId);
    target.flow.clientId = exchange.clientId;
    target.flow.redirectUri = exchange.redirectUri;
    target.flow.serverOrigin = originOf(event.url);
    index.push(target);
    exchange.matchedBy = exchange.grantType === 'refresh_token' ? 'refresh-token' : 'standalone';
  }
  const ref = addStep(target, makeStep('token', event, hops));
  target.tokenRefs.push({ ref, exchange });
  target.flow.tokenExchange = 'browser';
}

function deviceCodeOf(b: FlowBuilder): string | null {
  const step = b.flow.steps.find((s) => s.kind === 'device-authorization');
  if (!step?.event?.responseBody) return null;
  try {
    return stringField(JSON.parse(step.event.responseBody.text) as Record<string, unknown>, 'device_code');
  } catch {
    return null;
  }
}

/** docs/architecture.md "Correlating flows" step 8: a code delivered to a server-handled callback and never redeemed by the browser. */
export function finishExchange(b: FlowBuilder): void {
  const flow = b.flow;
  const callback = flow.callback;
  if (!callback?.code || b.tokenRefs.length > 0 || !b.callbackRef) return;
  const at = b.callbackRef;
  const synthetic: Step = {
    kind: 'token',
    event: null,
    observed: false,
    method: 'POST',
    url: '(server-side token request)',
    status: null,
    time: at.time,
    tabId: at.tabId,
    frameId: at.frameId,
    context: at.context,
    note: 'The code went to a server-handled callback; the token request runs on the app server and is not observable from the browser.',
  };
  addStep(b, synthetic);
  flow.tokenExchange = 'not-observable';
}
