import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';

/**
 * Structural decode of a compact JWT. It does NOT validate anything — no signature, no claims,
 * no expiry (like jose's `decodeJwt`). Signature checks live in ./verify.ts. Never throws: a
 * captured token is hostile input, and a token that does not decode is a finding, not a crash.
 */
export type JwtDecodeErrorCode =
  | 'not-a-string'
  | 'wrong-part-count' // RFC 7515 §7.1 (3 parts), RFC 7516 §7.1 (5 parts)
  | 'bad-base64url'
  | 'bad-header' // not a JSON object (RFC 7515 §4)
  | 'bad-payload'; // not a JSON object (RFC 7519 §7.2 step 10)

export interface JwtDecodeError {
  ok: false;
  code: JwtDecodeErrorCode;
  message: string;
  parts: number;
}

export interface DecodedJws {
  ok: true;
  kind: 'jws';
  header: ProtectedHeaderParameters;
  payload: JWTPayload;
}

/** An encrypted token: only the protected header is readable without the client's key. */
export interface DecodedJwe {
  ok: true;
  kind: 'jwe';
  header: ProtectedHeaderParameters;
  payload: null;
}

export type JwtDecodeResult = DecodedJws | DecodedJwe | JwtDecodeError;

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Compact JWS (3 parts) or JWE (5 parts) whose header starts `{"` (RFC 7515 §7.1, RFC 7516 §7.1). */
export function looksLikeJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2}(?:(?:\.[A-Za-z0-9_-]*){2})?$/.test(value);
}

/** Claims that hold NumericDate values (RFC 7519 §2, §4.1.4–4.1.6; OIDC Core §2 auth_time). */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

function fail(code: JwtDecodeErrorCode, message: string, parts: number): JwtDecodeError {
  return { ok: false, code, message, parts };
}

export function decodeJwtSafe(token: unknown): JwtDecodeResult {
  if (typeof token !== 'string') return fail('not-a-string', 'The token is not a string.', 0);
  const parts = token.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return fail('wrong-part-count', `The token has ${parts.length} dot-separated part${parts.length === 1 ? '' : 's'}; a JWS has 3 and a JWE 5.`, parts.length);
  }
  const bad = parts.findIndex((p, i) => !B64URL.test(p) || (p === '' && i < 2));
  if (bad >= 0) return fail('bad-base64url', `Part ${bad + 1} of the token is not base64url.`, parts.length);
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail('bad-header', 'The JOSE header is not a base64url-encoded JSON object.', parts.length);
  }
  if (parts.length === 5) return { ok: true, kind: 'jwe', header, payload: null };
  try {
    return { ok: true, kind: 'jws', header, payload: decodeJwt(token) };
  } catch {
    return fail('bad-payload', 'The payload is not a base64url-encoded JSON object.', parts.length);
  }
}

