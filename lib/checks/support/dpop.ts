import { base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { headerValue, safeUrl } from '../../flow/params';
import type { Evidence } from '../../model/finding';
import type { RequestEvent } from '../../model/event';
import { decodeToken, shapeOf } from './value-shape';

/**
 * DPoP proofs (RFC 9449 §4): decoded without verification (jose `decode*` never validates), and
 * the per-request rules of §4.2/§4.3 that the traffic alone can show.
 */
export interface DecodedProof {
  raw: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  /** Read back from a redacted export: no signature, and `jwk` is a tag of its RFC 7638 thumbprint. */
  redacted: boolean;
}

export function decodeProof(raw: string): DecodedProof {
  const decoded = decodeToken(raw);
  if (decoded.redacted) {
    const jws = decoded.ok && decoded.kind === 'jws';
    return { raw, header: jws ? decoded.header : null, claims: jws ? decoded.payload : null, redacted: true };
  }
  try {
    return { raw, header: decodeProtectedHeader(raw) as Record<string, unknown>, claims: decodeJwt(raw) as Record<string, unknown>, redacted: false };
  } catch {
    return { raw, header: null, claims: null, redacted: false };
  }
}

export function proofOf(event: RequestEvent): DecodedProof | null {
  const raw = headerValue(event.requestHeaders, 'dpop');
  return raw === null ? null : decodeProof(raw.trim());
}

/** The access token of `Authorization: DPoP <token>` (RFC 9449 §7.1), or null. */
export function dpopAccessToken(event: RequestEvent): string | null {
  const m = /^\s*DPoP\s+(\S+)\s*$/i.exec(headerValue(event.requestHeaders, 'authorization') ?? '');
  return m?.[1] ?? null;
}

/** Private JWK members (RFC 7518 §6.2.2, §6.3.2, §6.4.1) that must never leave the client. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** RFC 3986 §6.2.2–6.2.3 normalisation (scheme/host case, default port, dot segments) minus query and fragment. */
function targetUri(url: string): string | null {
  const u = safeUrl(url);
  return u ? `${u.protocol}//${u.host}${u.pathname}` : null;
}

export interface ProofRules {
  skewSeconds: number;
  /** SHA-256 of the presented access token, when it was precomputed (ath, RFC 9449 §4.2). */
  accessTokenDigest: Uint8Array | null;
}

/** What is wrong with one proof, as evidence rows; empty when nothing the traffic shows is wrong. */
export function proofProblems(proof: DecodedProof, event: RequestEvent, rules: ProofRules): Evidence[] {
  const { header, claims } = proof;
  if (!header || !claims) return [{ label: 'DPoP', value: `${proof.raw.slice(0, 40)}…`, expected: 'a JWS in compact serialization' }];
  const out: Evidence[] = [];
  if (header.typ !== 'dpop+jwt') out.push({ label: 'typ', value: String(header.typ ?? '(none)'), expected: 'dpop+jwt' });
  const alg = typeof header.alg === 'string' ? header.alg : '(none)';
  if (alg === 'none' || alg === '(none)' || /^HS/i.test(alg)) out.push({ label: 'alg', value: alg, expected: 'an asymmetric algorithm (ES256, RS256, EdDSA, …)' });
  // A redacted proof keeps only the key's thumbprint tag (docs/trace-format.md "JWTs"): a key was there, its members are gone.
  const thumbprintOnly = proof.redacted && typeof header.jwk === 'string' && shapeOf(header.jwk).tagged;
  const jwk = thumbprintOnly ? {} : header.jwk;
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) out.push({ label: 'jwk', value: '(none)', expected: 'the public key in the header' });
  else {
    const leaked = PRIVATE_MEMBERS.filter((m) => m in jwk);
    if (leaked.length) out.push({ label: 'jwk', value: `contains private members: ${leaked.join(', ')}`, expected: 'the public key only' });
  }
  if (claims.htm !== event.method.toUpperCase()) out.push({ label: 'htm', value: String(claims.htm ?? '(none)'), expected: event.method.toUpperCase() });
  const htu = typeof claims.htu === 'string' ? claims.htu : null;
  const target = targetUri(event.url);
  if (htu === null) out.push({ label: 'htu', value: '(none)', expected: target ?? event.url });
  else if (/[?#]/.test(htu)) out.push({ label: 'htu', value: htu, expected: `${targetUri(htu) ?? htu} (without query or fragment)` });
  else if (targetUri(htu) !== target) out.push({ label: 'htu', value: htu, expected: target ?? event.url });
  const iat = typeof claims.iat === 'number' ? claims.iat : null;
  const sent = event.startTime / 1000;
  if (iat === null) out.push({ label: 'iat', value: '(none)', expected: 'the time the proof was made' });
  else if (Math.abs(iat - sent) > rules.skewSeconds) out.push({ label: 'iat', value: new Date(iat * 1000).toISOString(), expected: `within ${rules.skewSeconds} s of ${new Date(event.startTime).toISOString()}` });
  if (typeof claims.jti !== 'string' || claims.jti === '') out.push({ label: 'jti', value: '(none)', expected: 'a unique identifier per proof' });
  const token = dpopAccessToken(event);
  if (token !== null) {
    const expected = rules.accessTokenDigest ? base64url.encode(rules.accessTokenDigest) : null;
    if (typeof claims.ath !== 'string') out.push({ label: 'ath', value: '(none)', expected: expected ?? 'base64url(SHA-256(access token))' });
    else if (expected !== null && claims.ath !== expected) out.push({ label: 'ath', value: claims.ath, expected });
  }
  return out;
}
