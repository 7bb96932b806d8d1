import type { Header } from '../model/event';
import { AUTH_HEADERS, isCredentialHeader, URL_HEADERS } from './policy';
import { isTag, type RedactContext } from './tags';
import { redactUrl } from './url';
import { formDecode, redactSecret, scrubText } from './value';

/** docs/trace-format.md "What is redacted", headers: schemes, cookie names and attributes stay; credentials become tags. */
export function redactHeaders(headers: readonly Header[], ctx: RedactContext): Header[] {
  return headers.map((h) => ({ name: h.name, value: redactHeader(h.name, h.value, ctx) }));
}

export function redactHeader(name: string, value: string, ctx: RedactContext): string {
  const n = name.toLowerCase();
  if (AUTH_HEADERS.has(n)) return redactAuthorization(value, ctx);
  if (n === 'cookie') return redactCookie(value, ctx);
  if (n === 'set-cookie') return value.split('\n').map((line) => redactSetCookie(line, ctx)).join('\n');
  if (n === 'dpop') {
    ctx.note('header:dpop');
    return redactSecret('dpop', value.trim(), ctx);
  }
  // RFC 9449 §8: the server's nonce comes back as the proof's `nonce` claim, which is tagged
  // (docs/trace-format.md "JWTs"); tagging the header too keeps "the proof carried the nonce offered" visible.
  if (n === 'dpop-nonce') return value.trim() === '' ? value : ctx.tag('nonce', value.trim());
  // The name as captured: `accessAuth` splits into access + auth; HTTP/2's lowercase `accessauth` is read by the run-together rule.
  if (isCredentialHeader(name)) {
    ctx.note(`header:${n}`);
    return value === '' ? value : ctx.tag(n, value);
  }
  if (URL_HEADERS.has(n)) return redactUrl(value, ctx);
  return scrubText(value, ctx);
}

/**
 * `scheme credentials` (RFC 9110 §11.4): the scheme stays. Basic is decoded (RFC 7617 §2) and,
 * for OAuth clients, each half is form-urlencoded (RFC 6749 §2.3.1): the client_id stays
 * readable and the secret is tagged, giving `Basic client_id:⟦client_secret:…⟧` — no longer base64,
 * so it cannot be replayed. Bearer / DPoP credentials are tagged like the access_token they carry.
 */
export function redactAuthorization(value: string, ctx: RedactContext): string {
  ctx.note('header:authorization');
  const m = /^(\S+)(\s+)(\S[\s\S]*)$/.exec(value);
  if (!m) return value.trim() === '' || isTag(value) ? value : ctx.tag('authorization', value);
  const scheme = m[1]!;
  const credentials = m[3]!.trim();
  if (/^basic$/i.test(scheme)) return `${scheme}${m[2]}${redactBasic(credentials, ctx)}`;
  const label = /^(?:bearer|dpop)$/i.test(scheme) ? 'access_token' : scheme;
  return `${scheme}${m[2]}${redactSecret(label, credentials, ctx)}`;
}

function redactBasic(credentials: string, ctx: RedactContext): string {
  if (isTag(credentials) || credentials.includes('⟦')) return credentials;
  const decoded = decodeBase64(credentials);
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === null || colon < 0) return ctx.tag('basic', credentials);
  const clientId = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return `${scrubText(clientId, ctx)}:${secret === '' ? '' : ctx.tag('client_secret', secret)}`;
}

function decodeBase64(value: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  try {
    const bin = atob(value);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `Cookie: a=1; b=2` (RFC 6265 §4.2): names stay, values are tagged so a returned cookie still matches. */
export function redactCookie(value: string, ctx: RedactContext): string {
  ctx.note('header:cookie');
  return value
    .split(';')
    .map((pair) => redactCookiePair(pair, ctx))
    .join(';');
}

/** `Set-Cookie` (RFC 6265 §4.1): the value is tagged; attributes (SameSite, Secure, Domain…) stay as evidence. */
export function redactSetCookie(line: string, ctx: RedactContext): string {
  ctx.note('header:set-cookie');
  const semi = line.indexOf(';');
  const first = semi < 0 ? line : line.slice(0, semi);
  const rest = semi < 0 ? '' : line.slice(semi);
  return `${redactCookiePair(first, ctx)}${scrubText(rest, ctx)}`;
}

/** Cookie values are tagged whole, JWTs included: a structural JSON object would break the cookie syntax. */
function redactCookiePair(pair: string, ctx: RedactContext): string {
  const eq = pair.indexOf('=');
  // A nameless cookie (`Cookie: abc`, RFC 6265 §5.2 allows it) is all value.
  if (eq < 0) return pair.trim() === '' || isTag(pair.trim()) ? pair : pair.replace(pair.trim(), ctx.tag('cookie', pair.trim()));
  const raw = pair.slice(eq + 1);
  // Trimmed by hand: `/"?\s*$/` would try every position of a long run of spaces.
  const start = raw.length - raw.trimStart().length;
  const lead = raw.slice(0, start) + (raw[start] === '"' ? '"' : '');
  const body = raw.slice(lead.length);
  const end = body.trimEnd().length;
  const trail = (end > 0 && body[end - 1] === '"' ? '"' : '') + body.slice(end);
  const inner = body.slice(0, body.length - trail.length);
  if (inner === '' || isTag(inner)) return pair;
  return `${pair.slice(0, eq)}=${lead}${ctx.tag('cookie', inner)}${trail}`;
}
