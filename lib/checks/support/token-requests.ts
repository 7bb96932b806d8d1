import { headerValue, stringField } from '../../flow/params';
import type { RequestEvent } from '../../model/event';
import type { Flow, TokenExchange } from '../../model/flow';
import type { CheckContext } from '../types';

/**
 * Helpers for the token-endpoint checks (RFC 6749 §4.1.3, §5; docs/checks.md, token endpoint). A server-side exchange is not a
 * failure: every token-side check says "not observable" instead (docs/architecture.md "Correlating flows" step 8).
 */
export function browserTokens(flow: Flow, ctx: CheckContext): readonly TokenExchange[] {
  if (flow.tokenExchange === 'not-observable') {
    ctx.notObservable('The code was redeemed by the app server; the token request and response are not visible in the browser.');
    return [];
  }
  // A CORS preflight (OPTIONS) to the token endpoint is not a token request (Fetch §4.8). A token
  // call seen by the page only (lib/flow/page-only.ts) has no method, headers or body to judge:
  // not observed, like a server-side exchange (its status still counts in the verdict).
  return flow.tokens.filter((t) => flow.steps[t.step]?.method !== 'OPTIONS' && !flow.steps[t.step]?.seenByPageOnly);
}

export function tokenEvent(flow: Flow, token: TokenExchange): RequestEvent | null {
  return flow.steps[token.step]?.event ?? null;
}

/**
 * Whether the request's parameters were captured at all: a POST whose body the browser did not
 * report (HAR without postData, webRequest without requestBody) has no grant_type or
 * code_verifier we could see, which is not the same as not sending them.
 */
export function paramsSeen(flow: Flow, token: TokenExchange): boolean {
  const event = tokenEvent(flow, token);
  return Boolean(event?.requestBody) || token.params.length > 0;
}

/** When the response carrying a token arrived (the capture time is "now" for OIDC Core §3.1.3.7 items 9–10). */
export function receivedAt(flow: Flow, step: number): number {
  const s = flow.steps[step];
  return s?.event?.endTime ?? s?.time ?? 0;
}

/** RFC 6749 §5.1: a 2xx answer without an `error` member and without a network failure. */
export function tokenSucceeded(token: TokenExchange): boolean {
  if (token.networkError) return false;
  if (token.status === null || token.status < 200 || token.status >= 300) return false;
  return stringField(token.response, 'error') === null;
}

export function tokenError(token: TokenExchange): { error: string | null; description: string | null } {
  return { error: stringField(token.response, 'error'), description: stringField(token.response, 'error_description') };
}

/** "error=invalid_grant (Code expired)" — the error as a reader wants to see it. */
export function describeTokenError(token: TokenExchange): string | null {
  const { error, description } = tokenError(token);
  if (!error) return null;
  return description ? `${error} ("${description}")` : error;
}

/** Text of the response the provider-code table (lib/diagnosis/provider-error-codes.ts) can be matched against. */
export function tokenErrorText(flow: Flow, token: TokenExchange): string {
  const body = tokenEvent(flow, token)?.responseBody?.text ?? '';
  const www = headerValue(tokenEvent(flow, token)?.responseHeaders, 'www-authenticate') ?? '';
  return `${body} ${www}`.trim();
}

export function stepLabel(flow: Flow, step: number): string {
  const s = flow.steps[step];
  return s ? `step ${step + 1} (${s.method} ${s.url.split('?')[0]})` : `step ${step + 1}`;
}

/** One token request of the capture, with its flow and the time it was sent (epoch ms). */
export interface TokenUse {
  flow: Flow;
  token: TokenExchange;
  time: number;
}

/**
 * Every token request in any flow of the capture that `matches`, oldest first: a code or a
 * rotated refresh token sent twice may be sent from two flows (two tabs, a reload).
 */
export function tokenUsesAcrossFlows(flows: readonly Flow[], matches: (token: TokenExchange) => boolean): TokenUse[] {
  const uses: TokenUse[] = [];
  for (const flow of flows) {
    for (const token of flow.tokens) if (matches(token)) uses.push({ flow, token, time: flow.steps[token.step]?.time ?? 0 });
  }
  return uses.sort((a, b) => a.time - b.time);
}
