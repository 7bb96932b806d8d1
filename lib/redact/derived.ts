import { decodeJwt, decodeProtectedHeader } from 'jose';
import { digest, hashForAlg, leftHalf, s256 } from '../crypto/digest';
import type { CapturedEvent, Param } from '../model/event';
import { bodyParams, fragmentParams, getParam, queryParams, responseObject } from '../flow/params';
import { isTag, type RedactContext } from './tags';
import { isForeignPlaceholder } from '../placeholders/foreign';

/**
 * Relations that need raw values, computed before the values go (docs/trace-format.md "Derived relations": run
 * them before redaction and store their results in the manifest). Each relation names
 * its values by tag, so a reader can find them in the redacted events:
 * - `pkce_s256`: BASE64URL(SHA-256(code_verifier)) (RFC 7636 §4.2), tagged as `s256_of_verifier`;
 *   it equals the tag of every code_challenge it matches, and `challenge_seen` says whether one
 *   was captured at all.
 * - `at_hash` / `c_hash`: the left half of the hash of the access token / code matches the ID
 *   Token claim (OIDC-Core §3.1.3.6, §3.3.2.11), when both travelled together.
 */
export interface RawRelation {
  relation: 'pkce_s256' | 'at_hash' | 'c_hash';
  event: string;
  values: Record<string, { label: string; value: string }>;
  flags: Record<string, boolean>;
}

export type DerivedRecord = Record<string, string | boolean | number>;

export async function computeRelations(events: readonly CapturedEvent[]): Promise<RawRelation[]> {
  const out: RawRelation[] = [];
  const challenges = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'request') continue;
    for (const params of [queryParams(e.url), bodyParams(e)]) {
      const c = getParam(params, 'code_challenge');
      if (c) challenges.add(c);
    }
  }
  const seen = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'request') continue;
    const verifier = getParam(bodyParams(e), 'code_verifier');
    if (verifier && !isTag(verifier) && !isForeignPlaceholder(verifier) && !seen.has(verifier)) {
      seen.add(verifier);
      const challenge = await s256(verifier);
      out.push({
        relation: 'pkce_s256',
        event: e.id,
        values: { code_verifier: { label: 'code_verifier', value: verifier }, s256_of_verifier: { label: 'code_challenge', value: challenge } },
        flags: { challenge_seen: challenges.has(challenge) },
      });
    }
    for (const params of paramSets(e)) out.push(...(await hashRelations(e.id, params)));
  }
  return out;
}

function paramSets(e: Extract<CapturedEvent, { kind: 'request' }>): Param[][] {
  const sets = [queryParams(e.url), fragmentParams(e.url), bodyParams(e)];
  if (e.redirectUrl) sets.push(fragmentParams(e.redirectUrl), queryParams(e.redirectUrl));
  const json = responseObject(e);
  if (json) sets.push(Object.entries(json).flatMap(([name, v]) => (typeof v === 'string' ? [{ name, value: v }] : [])));
  return sets;
}

async function hashRelations(eventId: string, params: Param[]): Promise<RawRelation[]> {
  const idToken = getParam(params, 'id_token');
  if (!idToken) return [];
  let claims: Record<string, unknown>;
  let alg: string;
  try {
    claims = decodeJwt(idToken) as Record<string, unknown>;
    alg = String(decodeProtectedHeader(idToken).alg ?? '');
  } catch {
    return [];
  }
  const hash = hashForAlg(alg);
  if (!hash) return [];
  const out: RawRelation[] = [];
  for (const [claim, name] of [['at_hash', 'access_token'], ['c_hash', 'code']] as const) {
    const expected = claims[claim];
    const value = getParam(params, name);
    if (typeof expected !== 'string' || !value) continue;
    const left = leftHalf(await digest(hash, value));
    out.push({
      relation: claim,
      event: eventId,
      values: { id_token: { label: 'id_token', value: idToken }, [name]: { label: name, value } },
      flags: { match: left === expected },
    });
  }
  return out;
}

/** Turn raw relations into manifest records; values are replaced by their tags. */
export function tagRelations(relations: readonly RawRelation[], ctx: RedactContext): DerivedRecord[] {
  const out: DerivedRecord[] = [];
  const keys = new Set<string>();
  for (const r of relations) {
    const record: DerivedRecord = { relation: r.relation, event: r.event };
    for (const [field, { label, value }] of Object.entries(r.values)) record[field] = ctx.tag(label, value);
    Object.assign(record, r.flags);
    const key = JSON.stringify(record);
    if (!keys.has(key)) {
      keys.add(key);
      out.push(record);
    }
  }
  return out;
}

/**
 * For checks running on a redacted trace: did this verifier's S256 equal this challenge? Both
 * arguments are tags as they appear in the events. Null when the export recorded nothing.
 */
export function pkceMatchFromDerived(derived: readonly DerivedRecord[], verifierTag: string, challengeTag: string): boolean | null {
  const record = derived.find((d) => d.relation === 'pkce_s256' && d.code_verifier === verifierTag);
  return record ? record.s256_of_verifier === challengeTag : null;
}

/** For checks running on a redacted trace: the recorded at_hash / c_hash result for an ID Token tag. */
export function hashMatchFromDerived(derived: readonly DerivedRecord[], relation: 'at_hash' | 'c_hash', idTokenTag: string): boolean | null {
  const record = derived.find((d) => d.relation === relation && d.id_token === idTokenTag);
  return record && typeof record.match === 'boolean' ? record.match : null;
}

/**
 * verifier tag → tag of BASE64URL(SHA-256(verifier)), so an analyzer's `s256(value)` can answer
 * for tagged verifiers and PKCE comparisons keep working on a redacted trace unchanged.
 */
export function s256TagsFromDerived(derived: readonly DerivedRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of derived) {
    if (d.relation === 'pkce_s256' && typeof d.code_verifier === 'string' && typeof d.s256_of_verifier === 'string') out.set(d.code_verifier, d.s256_of_verifier);
  }
  return out;
}
