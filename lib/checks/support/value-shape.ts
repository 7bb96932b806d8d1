import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { decodeJwtSafe, type JwtDecodeResult } from '../../jwt/decode';
import { parseRedactedJwt } from '../../redact/jwt';
import { charsetOf, parseTag, type Charset } from '../../redact/tags';

/**
 * The one place checks learn what a value looked like, whether they see the raw value or what a
 * redacted export left of it (docs/trace-format.md "Tags" and "JWTs"). A tag `⟦label:hex:len:charset⟧` keeps the
 * original length and character class, so format checks still run and never judge the tag text;
 * a redacted JWT keeps its header and allowlisted claims but no signature.
 */

export interface ValueShape {
  /** Length of the original value. */
  length: number;
  /** Narrowest character class of the original value (lib/redact/tags.ts `charsetOf`). */
  charset: Charset | string;
  /** The value is a tag: its text is not the value, only `length` and `charset` are. */
  tagged: boolean;
}

export function shapeOf(value: string): ValueShape {
  const tag = parseTag(value);
  if (tag) return { length: tag.length, charset: tag.charset, tagged: true };
  return { length: value.length, charset: charsetOf(value), tagged: false };
}

/** Classes of `charsetOf`, each a subset of the next: digits ⊂ hex ⊂ alnum ⊂ b64url ⊂ unreserved. */
const NESTED: readonly string[] = ['digits', 'hex', 'alnum', 'b64url', 'unreserved'];

/** Every character of the original lies in `within` (only for the nested classes above). */
export function charsetWithin(shape: ValueShape, within: 'digits' | 'hex' | 'alnum' | 'b64url' | 'unreserved'): boolean {
  const at = NESTED.indexOf(shape.charset);
  return at >= 0 && at <= NESTED.indexOf(within);
}

/** A decoded JWT, raw or redacted. `redacted`: the signature is gone (never verifiable). */
export type TokenDecode = JwtDecodeResult & { redacted: boolean };

/**
 * Decode a compact JWT, or read back a redacted one (`{"jwt":"⟦…⟧","header":…,"payload":…}`).
 * A token tagged whole was a JWE or did not decode when exported (lib/redact/jwt.ts). Its tag
 * still tells one case apart: base64url characters only means no dot, one part, so certainly
 * not a JWT (RFC 7515 §7.1). Otherwise its contents are unknown and it reads as an opaque JWE
 * with an empty header, never as malformed.
 */
export function decodeToken(value: string): TokenDecode {
  const redacted = parseRedactedJwt(value);
  if (redacted) {
    return { ok: true, kind: 'jws', header: redacted.header as ProtectedHeaderParameters, payload: redacted.payload as JWTPayload, redacted: true };
  }
  const shape = shapeOf(value);
  if (shape.tagged && charsetWithin(shape, 'b64url')) {
    return { ok: false, code: 'wrong-part-count', message: 'The token (redacted) had no dots, so 1 part; a JWS has 3 and a JWE 5.', parts: 1, redacted: true };
  }
  if (shape.tagged) return { ok: true, kind: 'jwe', header: {}, payload: null, redacted: true };
  return { ...decodeJwtSafe(value), redacted: false };
}

/** Claims of a JWS, raw or redacted (tagged claims such as nonce compare by tag); null otherwise. */
export function jwtClaims(value: string | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const decoded = decodeToken(value);
  return decoded.ok && decoded.kind === 'jws' ? decoded.payload : null;
}
