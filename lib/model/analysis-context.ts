import type { CapturedEvent } from './event';
import type { Flow } from './flow';
import type { RedactionManifest } from './trace';
import type { DigestAlg } from '../crypto/digest';
import type { SignatureStatus } from '../jwt/verify';

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
  /** Allowed clock skew for token time claims (OIDC Core §3.1.3.7 items 9–10 leave it to the client; we allow 120 s). */
  skewSeconds: number;
  /** How long after the authorization request a callback may still belong to it (§1.3.7). */
  correlationWindowMs: number;
  /**
   * The redaction manifest of the trace the events come from (docs/trace-format.md "Redaction manifest"), or null for a raw
   * capture. Its `derived` relations answer what tags cannot (PKCE S256, at_hash, c_hash, §4.2).
   */
  redaction: RedactionManifest | null;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { skewSeconds: 120, correlationWindowMs: 15 * 60 * 1000, redaction: null };

/** Everything a check may look at besides its own flow. Read-only by contract. */
export interface AnalysisContext {
  readonly flows: readonly Flow[];
  readonly events: readonly CapturedEvent[];
  readonly discovery: readonly DiscoveryDoc[];
  readonly jwks: readonly JwksDoc[];
  readonly options: AnalysisOptions;
  /**
   * The events come from a redacted export: secrets are tags, JWTs lost their signature. Checks
   * read values through lib/checks/support/value-shape.ts, which knows both forms.
   */
  readonly redacted: boolean;
  /** Hashes computed ahead of the checks (WebCrypto is async; checks are not); on a redacted trace, the recorded relations. */
  readonly derived: Derived;
  /** The discovery document of the flow's authorization server, when one was captured. */
  discoveryFor(flow: Flow): DiscoveryDoc | null;
  /** The JWKS published by the flow's issuer, when captured. */
  jwksFor(flow: Flow): JwksDoc | null;
}

/**
 * Results that need async WebCrypto, computed before the (synchronous, pure) checks run, so a
 * check can compare `BASE64URL(SHA-256(verifier))` with a challenge (RFC 7636 §4.2) or a left-half
 * hash with `at_hash` / `c_hash` (OIDC-Core §3.1.3.8, §3.3.2.11) without awaiting anything.
 */
export interface Derived {
  /** Null for a redacted value: hashing a tag says nothing about the value it stands for. */
  digest(value: string, alg: DigestAlg): Uint8Array | null;
  /**
   * BASE64URL(SHA-256(ASCII(value))), or null if the value was not precomputed. For a tagged
   * code_verifier it is the tag of its S256 as recorded before redaction (docs/trace-format.md "Derived relations"), which
   * equals the tag of the matching code_challenge; null when the export recorded none.
   */
  s256(value: string): string | null;
  /**
   * Whether the at_hash / c_hash of a redacted ID Token matched, as recorded before redaction
   * (OIDC-Core §3.1.3.8, §3.3.2.11); null for raw tokens (compute it) or when nothing was recorded.
   */
  hashMatch(relation: 'at_hash' | 'c_hash', idToken: string): boolean | null;
  /**
   * Signature status of an ID Token against the captured JWKS of its flow's issuer (OIDC-Core
   * §3.1.3.7 step 6), or null when no JWKS was captured for it (OIDC Core §3.1.3.7 step 6).
   */
  signature(idToken: string): SignatureStatus | null;
}
