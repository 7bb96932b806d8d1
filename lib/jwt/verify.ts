import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeJwtSafe } from './decode';

/**
 * Outcome of checking a JWS signature against a captured JWKS (RFC 7515 §5.2; OIDC-Core
 * §3.1.3.7 step 6). `unsupported-alg` covers `none`, HMAC (needs the client secret, which the
 * browser should not have) and algorithms jose cannot verify here.
 */
export type SignatureStatus = 'valid' | 'invalid' | 'no-matching-key' | 'unsupported-alg';

const ASYMMETRIC = /^(?:RS|PS|ES)(?:256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$/;

/** Keys that could have produced this signature: same `kid` when both name one, same `kty` family. */
function candidates(keys: readonly Record<string, unknown>[], kid: string | undefined, alg: string): JWK[] {
  const kty = alg.startsWith('ES') ? 'EC' : alg === 'EdDSA' || alg === 'Ed25519' ? 'OKP' : 'RSA';
  return keys
    .filter((k) => k.kty === kty && (k.use === undefined || k.use === 'sig'))
    .filter((k) => kid === undefined || k.kid === undefined || k.kid === kid)
    .filter((k) => k.alg === undefined || k.alg === alg) as JWK[];
}

export async function verifyJws(token: string, keys: readonly Record<string, unknown>[]): Promise<SignatureStatus> {
  const decoded = decodeJwtSafe(token);
  if (!decoded.ok || decoded.kind !== 'jws') return 'invalid';
  const alg = decoded.header.alg;
  if (typeof alg !== 'string' || !ASYMMETRIC.test(alg)) return 'unsupported-alg';
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const usable = candidates(keys, kid, alg);
  if (usable.length === 0) return 'no-matching-key';
  let imported = 0;
  for (const jwk of usable) {
    let key: Awaited<ReturnType<typeof importJWK>>;
    try {
      key = await importJWK(jwk, alg);
      imported += 1;
    } catch {
      continue;
    }
    try {
      await compactVerify(token, key, { algorithms: [alg] });
      return 'valid';
    } catch {
      // Try the next candidate: a JWKS without kids may hold several keys of one type.
    }
  }
  return imported === 0 ? 'unsupported-alg' : 'invalid';
}
