import { base64url } from 'jose';

/**
 * The one place hashes are computed (WebCrypto, present in browsers and Node ≥ 19): PKCE S256,
 * at_hash / c_hash, and the digests analysis precomputes for the synchronous checks.
 */
export type DigestAlg = 'SHA-256' | 'SHA-384' | 'SHA-512';
export const DIGEST_ALGS: readonly DigestAlg[] = ['SHA-256', 'SHA-384', 'SHA-512'];

const encoder = new TextEncoder();

export async function digest(alg: DigestAlg, value: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(alg, encoder.encode(value)));
}

/** BASE64URL(SHA-256(ASCII(code_verifier))) — the PKCE S256 transformation (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  return base64url.encode(await digest('SHA-256', verifier));
}

/** base64url of the left-most half of a hash: at_hash / c_hash (OIDC Core §3.1.3.6, §3.3.2.11). */
export function leftHalf(hash: Uint8Array): string {
  return base64url.encode(hash.subarray(0, hash.length / 2));
}

/** The hash a JWS alg implies for at_hash / c_hash (OIDC Core §3.1.3.6; EdDSA: SHA-512 for Ed25519). */
export function hashForAlg(alg: string | null): DigestAlg | null {
  if (!alg) return null;
  const bits = /^(?:RS|PS|ES|HS)(256|384|512)K?$/.exec(alg)?.[1];
  if (bits) return `SHA-${bits}` as DigestAlg;
  return alg === 'EdDSA' || alg === 'Ed25519' ? 'SHA-512' : null;
}
