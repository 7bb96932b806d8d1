import type { CapturedEvent } from '../model/event';
import type { Flow } from '../model/flow';
import type { Derived } from './derive';

/** A discovery document captured (or imported) during the session (OIDC-Disc §3, RFC 8414 §2). */
export interface DiscoveryDoc {
  eventId: string;
  /** The URL the document was fetched from. */
  url: string;
  status: number | null;
  time: number;
  /** Parsed body, or null when the body was not visible or not JSON. */
  document: Record<string, unknown> | null;
  issuer: string | null;
}

export interface JwksDoc {
  eventId: string;
  url: string;
  status: number | null;
  time: number;
  keys: Record<string, unknown>[] | null;
}

export interface AnalysisOptions {
  /** Allowed clock skew for token time claims (checks.md §2.4: 120 s). */
  skewSeconds: number;
  /** How long after the authorization request a callback may still belong to it (§1.3.7). */
  correlationWindowMs: number;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { skewSeconds: 120, correlationWindowMs: 15 * 60 * 1000 };

/** Everything a check may look at besides its own flow. Read-only by contract. */
export interface AnalysisContext {
  readonly flows: readonly Flow[];
  readonly events: readonly CapturedEvent[];
  readonly discovery: readonly DiscoveryDoc[];
  readonly jwks: readonly JwksDoc[];
  readonly options: AnalysisOptions;
  /** Hashes computed ahead of the checks (WebCrypto is async; checks are not). */
  readonly derived: Derived;
  /** The discovery document of the flow's authorization server, when one was captured. */
  discoveryFor(flow: Flow): DiscoveryDoc | null;
  /** The JWKS published by the flow's issuer, when captured. */
  jwksFor(flow: Flow): JwksDoc | null;
}
