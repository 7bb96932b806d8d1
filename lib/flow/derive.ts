import { base64url } from 'jose';
import { digest, DIGEST_ALGS, type DigestAlg } from '../crypto/digest';
import { verifyJws, type SignatureStatus } from '../jwt/verify';
import type { CapturedEvent } from '../model/event';
import type { Flow } from '../model/flow';
import { hashMatchFromDerived, s256TagsFromDerived, type DerivedRecord } from '../redact/derived';
import { parseRedactedJwt } from '../redact/jwt';
import { isTag } from '../redact/tags';
import type { JwksDoc } from './context';
import { bodyParams, getParam, stringField } from './params';


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

/** Digests of `values` added to `out` (values already there are not hashed again). */
export async function digestAll(values: Iterable<string>, out = new Map<string, Uint8Array>()): Promise<Map<string, Uint8Array>> {
  for (const value of new Set(values)) {
    if (isRedacted(value) || out.has(`${DIGEST_ALGS[0]}\u0000${value}`)) continue;
    for (const alg of DIGEST_ALGS) {
      out.set(`${alg}\u0000${value}`, await digest(alg, value));
    }
  }
  return out;
}

/** A tag or a structurally redacted JWT (lib/redact): the raw value is gone. */
export function isRedacted(value: string): boolean {
  return isTag(value) || parseRedactedJwt(value) !== null;
}

export function makeDerived(
  digests: ReadonlyMap<string, Uint8Array>,
  signatures: ReadonlyMap<string, SignatureStatus> = new Map(),
  relations: readonly DerivedRecord[] = [],
): Derived {
  const digest = (value: string, alg: DigestAlg) => digests.get(`${alg}\u0000${value}`) ?? null;
  const s256Tags = s256TagsFromDerived(relations);
  return {
    digest,
    signature: (idToken) => signatures.get(idToken) ?? null,
    hashMatch(relation, idToken) {
      const tag = parseRedactedJwt(idToken)?.jwt ?? idToken;
      return isTag(tag) ? hashMatchFromDerived(relations, relation, tag) : null;
    },
    s256(value) {
      const tagged = s256Tags.get(value);
      if (tagged !== undefined) return tagged;
      const bytes = digest(value, 'SHA-256');
      return bytes ? base64url.encode(bytes) : null;
    },
  };
}

/** Every code_verifier in captured token requests (needed before correlation, §1.3 step 3). */
export function verifiersIn(events: readonly CapturedEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.kind !== 'request' || !e.requestBody) continue;
    const verifier = getParam(bodyParams(e), 'code_verifier');
    if (verifier !== null) out.push(verifier);
  }
  return out;
}

/** Values checks may hash: verifiers, codes and access tokens of every flow. */
export function hashableValues(flows: readonly Flow[]): string[] {
  const out: string[] = [];
  for (const flow of flows) {
    const cb = flow.callback;
    if (cb?.code) out.push(cb.code);
    if (cb?.accessToken) out.push(cb.accessToken);
    for (const t of flow.tokens) {
      if (t.codeVerifier) out.push(t.codeVerifier);
      const at = stringField(t.response, 'access_token');
      if (at) out.push(at);
    }
  }
  return out;
}

/** ID Tokens of a flow: from the authorization response and from every token response. */
export function idTokensIn(flow: Flow): string[] {
  const out: string[] = [];
  if (flow.callback?.idToken) out.push(flow.callback.idToken);
  for (const t of flow.tokens) {
    const idToken = stringField(t.response, 'id_token');
    if (idToken) out.push(idToken);
  }
  return out;
}

/** Verify every ID Token of every flow whose issuer's JWKS was captured (jose is async; checks are not). */
export async function verifySignatures(
  flows: readonly Flow[],
  jwksFor: (flow: Flow) => JwksDoc | null,
  signatures: Map<string, SignatureStatus>,
): Promise<void> {
  for (const flow of flows) {
    const keys = jwksFor(flow)?.keys;
    if (!keys) continue;
    for (const token of idTokensIn(flow)) {
      // A redacted ID Token has no signature left to verify (docs/trace-format.md "JWTs").
      if (!signatures.has(token) && !isRedacted(token)) signatures.set(token, await verifyJws(token, keys));
    }
  }
}
