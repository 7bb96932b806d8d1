import { base64url } from 'jose';
import { digest, DIGEST_ALGS, type DigestAlg } from '../crypto/digest';
import { bodyParams, getParam, stringField } from '../flow/params';
import type { SignatureStatus } from '../jwt/verify';
import type { Derived } from '../model/analysis-context';
import type { CapturedEvent } from '../model/event';
import type { Flow } from '../model/flow';
import { hashMatchFromDerived, s256TagsFromDerived, type DerivedRecord } from '../redact/derived';
import { parseRedactedJwt } from '../redact/jwt';
import { isTag } from '../redact/tags';

/** Digests keyed by `alg\u0000value` (WebCrypto is async; the checks that read them are not). */
export type Digests = ReadonlyMap<string, Uint8Array>;

/** Digests asked of WebCrypto at once. */
const DIGEST_BATCH = 300;

/** `known` plus the digests of `values` it lacks, as a new map (redacted values are not hashed). */
export async function digestValues(values: Iterable<string>, known: Digests = new Map()): Promise<Digests> {
  const out = new Map(known);
  const wanted: Array<[key: string, alg: DigestAlg, value: string]> = [];
  for (const value of new Set(values)) {
    if (isRedacted(value) || out.has(`${DIGEST_ALGS[0]}\u0000${value}`)) continue;
    for (const alg of DIGEST_ALGS) wanted.push([`${alg}\u0000${value}`, alg, value]);
  }
  // Many at a time, stored in the same order: one wait for the thread pool per batch instead of
  // one per digest (issue 16: a big capture has three per code, token and verifier).
  for (let at = 0; at < wanted.length; at += DIGEST_BATCH) {
    const batch = wanted.slice(at, at + DIGEST_BATCH);
    const hashes = await Promise.all(batch.map(([, alg, value]) => digest(alg, value)));
    batch.forEach(([key], i) => out.set(key, hashes[i]!));
  }
  return out;
}

/** A tag or a structurally redacted JWT (lib/redact): the raw value is gone. */
export function isRedacted(value: string): boolean {
  return isTag(value) || parseRedactedJwt(value) !== null;
}

export function makeDerived(
  digests: Digests,
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

