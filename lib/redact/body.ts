import type { Header, RequestBody, ResponseBody } from '../model/event';
import { headerValue } from '../flow/params';
import { looksLikeJwt } from '../jwt/decode';
import { isObject, redactClaims } from './jwt';
import { classifyName, JWK_PRIVATE_MEMBERS, PII, REMOVED } from './policy';
import type { RedactContext } from './tags';
import { redactPairs } from './url';
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
  const out = JSON.stringify(redacted);
  return out === JSON.stringify(parsed) ? text : out;
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
      if (isJwk && JWK_PRIVATE_MEMBERS.has(name)) return [name, tagMember('jwk_private', member, ctx)];
      const cls = classifyName(name);
      if (cls === 'keep') return [name, redactJson(member, ctx, depth + 1)];
      if (typeof member === 'string') return [name, redactValue(name, member, ctx, 'json')];
      ctx.note(`json:${name.toLowerCase()}`);
      if (cls === 'pii-drop') return [name, member === null ? null : PII];
      return [name, tagMember(name, member, ctx)];
    }),
  );
}

function tagMember(name: string, member: unknown, ctx: RedactContext): unknown {
  if (member === null || member === '') return member;
  if (typeof member === 'string') return redactSecret(name, member, ctx);
  return ctx.tag(name, JSON.stringify(member));
}

/**
 * HTML: hidden inputs are redacted by name (a form_post page carries code, state, id_token as
 * `<input type="hidden" name=… value=…>`, FormPost §2); the rest, including the form's action URL
 * and inline scripts, is scrubbed as text. Replacements are HTML-escaped.
 */
export function redactHtml(html: string, ctx: RedactContext): string {
  const INPUT = /<input\b[^>]*>/gi;
  let out = '';
  let last = 0;
  for (const m of html.matchAll(INPUT)) {
    out += scrubText(html.slice(last, m.index), ctx) + redactInput(m[0], ctx);
    last = m.index + m[0].length;
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

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? m;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? m;
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? m;
  });
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
