import { calculateJwkThumbprint, type JWK } from 'jose';
import { CollectingContext, computeTags, jwkKey, ResolvedContext, type RedactContext } from '../../lib/redact/tags';

export const KEY = new Uint8Array(32).fill(7);

/** Run one redactor through both passes, as redactEvents does, with a fixed or given key. */
export async function run<T>(fn: (ctx: RedactContext) => T, key: Uint8Array = KEY): Promise<{ out: T; fields: string[] }> {
  const collect = new CollectingContext();
  fn(collect);
  const thumbprints = new Map<string, string>();
  for (const jwk of collect.jwks) {
    const tp = await calculateJwkThumbprint(jwk as JWK);
    thumbprints.set(jwkKey(jwk), tp);
    if (!collect.labels.has(tp)) collect.labels.set(tp, 'jkt');
  }
  const resolved = new ResolvedContext(await computeTags(collect.labels, key), thumbprints);
  const out = fn(resolved);
  return { out, fields: [...resolved.fields].sort() };
}

export const TAG = /⟦[a-z0-9_]+:[0-9a-f]{12}:\d+:[a-z0-9]+⟧/;
