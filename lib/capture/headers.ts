import type { Header } from '../model/event';
import type { HttpHeader } from './details';

/**
 * Headers that carry OAuth evidence: cookies (state/nonce transaction cookies, docs/checks.md `samesite-cookie-dropped`),
 * credentials, the redirect target, CORS and fetch metadata (form_post cross-site POST), framing
 * and opener policies (silent renew, popups), caching of token responses (RFC 6749 §5.1) and
 * clock skew (`Date`). Everything else is dropped to keep the store small.
 */
const KEPT = new Set([
  'cookie',
  'set-cookie',
  'authorization',
  'origin',
  'referer',
  'content-type',
  'location',
  'cache-control',
  'pragma',
  'www-authenticate',
  'dpop',
  'dpop-nonce',
  'x-frame-options',
  'content-security-policy',
  'cross-origin-opener-policy',
  'referrer-policy',
  'date',
  'accept',
]);

const KEPT_PREFIXES = ['sec-fetch-', 'access-control-'];

export function isKeptHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return KEPT.has(lower) || KEPT_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * Kept headers in wire order; binary values are decoded as Latin-1 (RFC 9110 §5.5). Firefox hands
 * several `Set-Cookie` fields to webRequest as one entry joined with newlines (Chrome gives one
 * entry each); they are split back into one header per cookie, as on the wire — a newline can
 * never be part of a field value (RFC 9110 §5.5), and Set-Cookie must not be combined (RFC 6265 §3).
 */
export function selectHeaders(headers: readonly HttpHeader[] | undefined): Header[] | undefined {
  if (!headers) return undefined;
  const out: Header[] = [];
  for (const h of headers) {
    if (!isKeptHeader(h.name)) continue;
    const value = h.value ?? latin1(h.binaryValue);
    if (h.name.toLowerCase() === 'set-cookie' && /[\r\n]/.test(value)) {
      for (const line of value.split(/\r?\n|\r/)) if (line.trim() !== '') out.push({ name: h.name, value: line });
    } else out.push({ name: h.name, value });
  }
  return out;
}

/** `Authorization: Bearer|DPoP …` or a `DPoP` proof header: a resource or userinfo call (RFC 6750 §2.1, RFC 9449 §7). */
export function hasTokenCredential(headers: readonly HttpHeader[] | undefined): boolean {
  if (!headers) return false;
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (lower === 'dpop') return true;
    if (lower === 'authorization' && /^\s*(?:bearer|dpop)\s/i.test(h.value ?? '')) return true;
  }
  return false;
}

function latin1(bytes: ArrayBuffer | ArrayLike<number> | undefined): string {
  if (!bytes) return '';
  const list = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let out = '';
  for (let i = 0; i < list.length; i++) out += String.fromCharCode(list[i]!);
  return out;
}
