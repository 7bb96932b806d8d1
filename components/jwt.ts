import { decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * Decoding only — the panel never claims a signature is valid. jose's decode functions do not
 * verify (jose docs, `decodeJwt`); a bad token is shown with the reason it did not decode.
 */
export type DecodedJwt =
  | { ok: true; header: Record<string, unknown>; claims: Record<string, unknown>; signatureLength: number }
  | { ok: false; error: string };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(value: string): boolean {
  return value.length < 64 * 1024 && value.startsWith('eyJ') && JWT_SHAPE.test(value);
}

export function decodeToken(token: string): DecodedJwt {
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    const claims = decodeJwt(token) as Record<string, unknown>;
    return { ok: true, header, claims, signatureLength: token.split('.')[2]?.length ?? 0 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'not a JWT' };
  }
}

/** Claims that hold NumericDate values (RFC 7519 §2, §4.1.4–4.1.6; OIDC Core §2 auth_time). */
export const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);
