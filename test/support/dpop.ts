import { base64url } from 'jose';
import { createHash } from 'node:crypto';

/**
 * DPoP proofs shaped like a client's (RFC 9449 §4.2). The checks only decode (no signature
 * verification), so the signature part is a placeholder.
 */
const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
export const PUBLIC_JWK = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };

let counter = 0;
export function dpopProof(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  counter += 1;
  return `${enc({ typ: 'dpop+jwt', alg: 'ES256', jwk: PUBLIC_JWK, ...header })}.${enc({ jti: `jti-${counter}-${Math.random().toString(36).slice(2)}`, ...claims })}.c2lnbmF0dXJl`;
}

export function ath(token: string): string {
  return base64url.encode(createHash('sha256').update(token).digest());
}
