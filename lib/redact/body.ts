import type { Header, RequestBody, ResponseBody } from '../model/event';
import { headerValue } from '../flow/params';
import { looksLikeJwt } from '../jwt/decode';
import { isObject, redactClaims } from './jwt';
import { classifyName, JWK_PRIVATE_MEMBERS, JWK_PUBLIC_MEMBERS, MAX_VALUE_CHARS, PII, REMOVED } from './policy';
import { boundedJson, type RedactContext } from './tags';
import { redactPairs } from './url';
import { decodeEntities } from './scrub';
import { redactLoose, redactSecret, redactValue, scrubText } from './value';

const MAX_DEPTH = 64;

export function redactRequestBody(body: RequestBody, headers: readonly Header[] | undefined, ctx: RedactContext): RequestBody {
  if (body.kind === 'form') {
    return { kind: 'form', fields: body.fields.map((f) => ({ name: f.name, value: redactValue(f.name, f.value, ctx, 'form') })) };
  }
  return { ...body, text: redactBodyText(body.text, headerValue(headers, 'content-type') ?? '', ctx) };
}

export function redactResponseBody(body: ResponseBody, headers: readonly Header[] | undefined, ctx: RedactContext): ResponseBody {
  const type = body.mimeType ?? headerValue(headers, 'content-type') ?? '';
  return { ...body, text: redactBodyText(body.text, type, ctx, true) };
}

/**
 * A text body by its content type, falling back to its shape: JSON (token responses, UserInfo,
 * discovery), form-encoded (token requests, GitHub token responses), HTML (form_post pages,
 * FormPost §2), a bare JWT (`application/jwt` UserInfo), anything else as free text.
 */
export function redactBodyText(text: string, contentType: string, ctx: RedactContext, isResponse = false): string {
  if (text.length > MAX_VALUE_CHARS) return ctx.tag('oversize', text);
  const type = contentType.toLowerCase();
  const trimmed = text.trim();
  if (type.includes('json') || /^[{[]/.test(trimmed)) {
    const json = redactJsonText(text, ctx, isResponse);
    if (json !== null) return json;
  }
  if (looksLikeJwt(trimmed)) return redactSecret('jwt', trimmed, ctx);
  if (type.includes('x-www-form-urlencoded') || (!type && /^[\w.~%-]+=[^\s]*$/.test(trimmed))) return redactPairs(text, ctx, 'form');
  if (type.includes('html') || trimmed.startsWith('<')) return redactHtml(text, ctx);
  return scrubText(text, ctx);
}

/** Parsed and rebuilt; the original text is kept byte for byte when nothing needed redaction. */
export function redactJsonText(text: string, ctx: RedactContext, isResponse = false): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  // UserInfo and introspection answers are claim sets about a person (docs/trace-format.md "What is redacted", personal data).
  const claims = isResponse && isObject(parsed) && typeof parsed.sub === 'string' && !('issuer' in parsed) && !('keys' in parsed);
  const redacted = claims && isObject(parsed) ? redactClaims(parsed, ctx) : redactJson(parsed, ctx);
  // The redacted value is at most MAX_DEPTH deep (deeper parts are ⟦removed⟧), so comparing and
  // serializing it cannot exhaust the stack even when the input is nested 10k levels.
  return sameJson(redacted, parsed, 0) ? text : JSON.stringify(redacted);
}

/** Structural equality, walking only as deep as `redacted` goes. */
function sameJson(redacted: unknown, original: unknown, depth: number): boolean {
  if (redacted === original) return true;
  if (depth > MAX_DEPTH + 2 || typeof redacted !== 'object' || typeof original !== 'object' || redacted === null || original === null) return false;
  if (Array.isArray(redacted) !== Array.isArray(original)) return false;
  const a = Object.entries(redacted);
  const b = Object.entries(original);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]![0] !== b[i]![0] || !sameJson(a[i]![1], b[i]![1], depth + 1)) return false;
  }
  return true;
}

/**
 * Walk a JSON value. Objects are rebuilt with Object.fromEntries, which defines own properties,
 * so a hostile `__proto__` member stays an ordinary member and pollutes nothing.
 */
export function redactJson(value: unknown, ctx: RedactContext, depth = 0): unknown {
  if (depth > MAX_DEPTH) return REMOVED;
  if (typeof value === 'string') return redactLoose(value, ctx);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, ctx, depth + 1));
  if (!isObject(value)) return value;
  const isJwk = typeof value.kty === 'string';
  return Object.fromEntries(
    Object.entries(value).map(([name, member]): [string, unknown] => {
      // A JWK's members are public (RFC 7517 §4) except its private key parts (RFC 7518 §6).
      if (isJwk && JWK_PRIVATE_MEMBERS.has(name)) return [name, tagMember('jwk_private', member, ctx)];
      if (isJwk && JWK_PUBLIC_MEMBERS.has(name)) return [name, redactJson(member, ctx, depth + 1)];
      const cls = classifyName(name);
      if (cls === 'keep') return [name, redactJson(member, ctx, depth + 1)];
      if (typeof member === 'string') return [name, redactValue(name, member, ctx, 'json')];
      ctx.note(`json:${name.toLowerCase()}`);
      if (cls === 'pii-drop') return [name, member === null ? null : PII];
      return [name, tagMember(name, member, ctx)];
    }),
  );
}

/** Booleans stay (`require_pushed_authorization_requests: true` is no secret); anything else is tagged. */
function tagMember(name: string, member: unknown, ctx: RedactContext): unknown {
  if (member === null || member === '' || typeof member === 'boolean') return member;
  if (typeof member === 'string') return redactSecret(name, member, ctx);
  return ctx.tag(name, boundedJson(member));
}

/**
 * HTML: hidden inputs are redacted by name (a form_post page carries code, state, id_token as
 * `<input type="hidden" name=… value=…>`, FormPost §2); the rest, including the form's action URL
 * and inline scripts, is scrubbed as text. Replacements are HTML-escaped.
 */
export function redactHtml(html: string, ctx: RedactContext): string {
  const INPUT = /<input\b/gi;
  let out = '';
  let last = 0;
  for (let m = INPUT.exec(html); m; m = INPUT.exec(html)) {
    // indexOf, not `[^>]*>`: a page of unclosed `<input` tags must not be read once per tag.
    const close = html.indexOf('>', m.index);
    if (close < 0) break;
    out += scrubText(html.slice(last, m.index), ctx) + redactInput(html.slice(m.index, close + 1), ctx);
    last = close + 1;
    INPUT.lastIndex = last;
  }
  return out + scrubText(html.slice(last), ctx);
}

const ATTR = (attr: string) => new RegExp(`(\\s${attr}\\s*=\\s*)(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');

function redactInput(tag: string, ctx: RedactContext): string {
  const name = ATTR('name').exec(tag);
  const value = ATTR('value').exec(tag);
  if (!name || !value) return scrubText(tag, ctx);
  const n = decodeEntities(name[2] ?? name[3] ?? name[4] ?? '');
  const v = decodeEntities(value[2] ?? value[3] ?? value[4] ?? '');
  const redacted = redactValue(n, v, ctx, 'html');
  if (redacted === v) return tag;
  return tag.replace(value[0], `${value[1]}"${escapeHtml(redacted)}"`);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
