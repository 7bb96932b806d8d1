import * as z from 'zod';
import type { Param, RequestEvent } from './event';
import type { Finding } from './finding';
import { OUTCOMES, type Outcome } from './outcome';

export const StepKindSchema = z.enum([
  'app', // the relying party's page or redirect that started the flow
  'discovery',
  'par',
  'authorize',
  'login', // authorization-server pages between authorize and callback
  'error-page', // the authorization server answered with its own error page, no redirect back
  'callback',
  'token',
  'userinfo',
  'jwks',
  'logout',
  'revocation',
  'introspection',
  'device-authorization',
  'resource',
]);
export type StepKind = z.infer<typeof StepKindSchema>;

export const GrantSchema = z.enum([
  'authorization_code',
  'implicit',
  'hybrid',
  'refresh_token',
  'client_credentials',
  'device_code',
  'unknown',
]);
export type Grant = z.infer<typeof GrantSchema>;

export const OutcomeSchema = z.enum(OUTCOMES);
export type { Outcome };

/** Where a step ran: the top-level page, a sub-frame (silent renew) or a popup window. */
export const StepContextSchema = z.enum(['top', 'iframe', 'popup']);
export type StepContext = z.infer<typeof StepContextSchema>;

/** Where the parameters of an authorization response were carried (MRT §2.1, FormPost §2). */
export type ResponseLocation = 'query' | 'fragment' | 'form';

/** How a step's answer (or, `later-events`, its start) was recovered when the browser never reported it (lib/flow/recovered.ts). */
export const RecoveredFromSchema = z.enum(['navigation-timing', 'resource-timing', 'redirect-chain', 'later-events']);
export type RecoveredFrom = z.infer<typeof RecoveredFromSchema>;

export interface Step {
  kind: StepKind;
  /** Null only for synthetic steps the browser could not see (a server-side code exchange). */
  event: RequestEvent | null;
  observed: boolean;
  method: string;
  /** Full URL including a fragment recovered from Location or the committed navigation. */
  url: string;
  status: number | null;
  time: number;
  tabId: number;
  frameId: number;
  context: StepContext;
  note?: string;
  recovered?: RecoveredFrom;
  /** The browser reported nothing of this request; the page did (lib/flow/page-only.ts): method, headers and bodies unknown. */
  seenByPageOnly?: true;
}

/** The authorization request's parameters, merged from query, PAR body or request object. */
export interface AuthorizeRequest {
  step: number;
  params: Param[];
  clientId: string | null;
  redirectUri: string | null;
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  responseType: string | null;
  /** `response_mode` as sent, or null. */
  responseMode: string | null;
  /** Explicit mode, or the default for the response type (MRT §2.1, §5). */
  effectiveResponseMode: string;
  scope: string | null;
  prompt: string | null;
  maxAge: string | null;
  requestUri: string | null;
  request: string | null;
  /** True when the values came from a PAR body (RFC 9126). */
  viaPar: boolean;
  /**
   * True when the request carries only a `request_uri` whose pushed parameters were not seen (a
   * confidential client pushes from its server, RFC 9126 §2): request-side checks are not observable.
   */
  opaque: boolean;
}

export interface CallbackResponse {
  step: number;
  location: ResponseLocation;
  params: Param[];
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
  iss: string | null;
  idToken: string | null;
  accessToken: string | null;
  /** How the callback was tied to this flow (docs/architecture.md "Correlating flows" step 2). */
  matchedBy: 'state' | 'redirect-uri' | 'lineage' | 'orphan';
}

export interface TokenExchange {
  step: number;
  params: Param[];
  grantType: string | null;
  code: string | null;
  codeVerifier: string | null;
  redirectUri: string | null;
  clientId: string | null;
  refreshToken: string | null;
  clientAuth: 'basic' | 'secret-post' | 'assertion' | 'none';
  status: number | null;
  /** The parsed JSON (or form-encoded, GitHub) response body, when the body was captured. */
  response: Record<string, unknown> | null;
  /** Network or CORS failure reported by the browser. */
  networkError: string | null;
  matchedBy: 'code' | 'pkce' | 'refresh-token' | 'proximity' | 'standalone';
}

export interface Flow {
  id: string;
  grant: Grant;
  clientId: string | null;
  issuer: string | null;
  /** Origin of the authorization server that received the authorization request. */
  serverOrigin: string | null;
  redirectUri: string | null;
  steps: Step[];
  authorize: AuthorizeRequest | null;
  callback: CallbackResponse | null;
  tokens: TokenExchange[];
  /**
   * `browser`: the code was redeemed by a browser request we saw; `not-observable`: the callback
   * was handled by a server and no browser request redeemed the code (docs/architecture.md "Correlating flows" step 8).
   */
  tokenExchange: 'browser' | 'not-observable' | 'none';
  /** Step where the authorization server showed its own error page instead of redirecting back. */
  errorPage: number | null;
  startTime: number;
  tabIds: number[];
  /** A brokered login's upstream leg (lib/flow/broker-link.ts): the id of the app's flow whose broker ran this one. */
  upstreamOf?: string;
  /** A brokered login's app flow: the ids of the upstream legs its broker ran, in time order. */
  upstreamLegs?: string[];
}

/** A flow after the checks ran: its findings and its verdict (lib/analysis/verdict.ts). */
export interface JudgedFlow extends Flow {
  readonly outcome: Outcome;
  /** Index of the step where the login broke, when `outcome` is failed (lib/analysis/verdict.ts). */
  readonly failedAt: number | null;
  readonly findings: readonly Finding[];
}
