import { isCredentialPlaceholder } from './placeholder';
import { isPlaceholderText } from '../placeholders/foreign';
import { classifyName, MAX_VALUE_CHARS, PII } from './policy';
import type { RedactContext } from './tags';
import { redactUrl } from './url';
import { formDecode } from './value';

/**
 * Everything secret-shaped inside free text (error messages, HTML, scripts, truncated bodies):
 * absolute URLs (their parameters), JWTs, `Bearer` credentials, email addresses (docs/trace-format.md
 * "What is redacted", personal data; `%40` counts as `@`), and values whose name
 * says they are secret — `name=value`, `name = "value"`, `"name": "value"`, `name: 'value'`, also
 * with `\"` or `&quot;` as the quote (JSON inside a JS string or an HTML attribute). Names are
 * judged by `classifyName`, so `accessToken`, `X-Auth-Token` and `api_key` count.
 *
 * One left-to-right pass, no backtracking: every character is looked at a bounded number of
 * times (names are read back at most MAX_NAME characters), so a 1 MB header costs what reading
 * it costs. A replacement is never scanned again.
 */
export function scrubText(text: string, ctx: RedactContext, options: { urls?: boolean } = {}): string {
  if (text.length > MAX_VALUE_CHARS) return ctx.tag('oversize', text);
  const urls = options.urls !== false;
  let out = '';
  let last = 0;
  let i = 0;
  const emit = (start: number, end: number, replacement: string) => {
    out += text.slice(last, start) + replacement;
    last = end;
    i = end;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (urls && (c === 0x68 || c === 0x48) && isUrlStart(text, i)) {
      const end = scanWhile(text, i, isUrlChar);
      emit(i, end, redactUrl(text.slice(i, end), ctx));
      continue;
    }
    if (c === 0x65 && text.startsWith('eyJ', i)) {
      const jwt = scanJwt(text, i);
      if (jwt.ok) {
        ctx.note('text:jwt');
        emit(i, jwt.end, ctx.tag('jwt', text.slice(i, jwt.end)));
      } else i = Math.max(i + 1, jwt.end);
      continue;
    }
    if ((c === 0x42 || c === 0x62) && isBearer(text, i)) {
      const start = i + 7;
      const run = scanWhile(text, start, isTokenChar);
      const end = scanWhile(text, run, (x) => x === 0x3d);
      // `Bearer error="invalid_token"` is an auth-param (RFC 6750 §3), not a credential.
      const param = end > run && end < text.length && (isTokenChar(text.charCodeAt(end)) || text[end] === '"');
      if (end - start >= 8 && !param) {
        ctx.note('text:bearer');
        emit(start, end, ctx.tag('access_token', text.slice(start, end)));
        continue;
      }
    }
    if (c === 0x40 || (c === 0x25 && text.startsWith('%40', i))) {
      const email = scanEmail(text, i, last, c === 0x40 ? 1 : 3);
      if (email) {
        ctx.note('text:email');
        emit(email.start, email.end, ctx.tag('email', text.slice(email.start, email.end).replace(/%40/i, '@')));
        continue;
      }
    }
    if (c === 0x3d /* = */ || c === 0x3a /* : */) {
      const named = scanNamed(text, i, last, c === 0x3a);
      if (named) {
        const cls = classifyName(named.name);
        const taggable = cls === 'secret' || cls === 'correlation' || cls === 'pii-tag';
        // `"name": "Alice"` is a JSON member about a person; `name="viewport"` is HTML.
        const dropped = cls === 'pii-drop' && named.json;
        if (taggable || dropped) {
          ctx.note(`text:${named.name.toLowerCase()}`);
          const value = named.decode(text.slice(named.valueStart, named.valueEnd));
          const replacement = dropped ? PII : value === '' || isCredentialPlaceholder(value) || isPlaceholderText(value) ? text.slice(named.valueStart, named.valueEnd) : ctx.tag(named.name, value);
          out += text.slice(last, named.valueStart) + replacement + named.close;
          last = named.end;
          i = named.end;
          continue;
        }
      }
    }
    i += 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Names are read back this far from their `=` or `:`; real parameter names are far shorter. */
const MAX_NAME = 64;
/** Spaces allowed around `=` / `:` (`var accessToken = "…"`, pretty-printed JSON). */
const MAX_SPACES = 16;

function isUrlStart(text: string, i: number): boolean {
  const head = text.slice(i, i + 8).toLowerCase();
  return head.startsWith('http://') || head.startsWith('https://');
}

function isBearer(text: string, i: number): boolean {
  return text.slice(i, i + 7).toLowerCase() === 'bearer ' && (i === 0 || !isNameChar(text.charCodeAt(i - 1)));
}

function scanWhile(text: string, from: number, ok: (c: number) => boolean): number {
  let j = from;
  while (j < text.length && ok(text.charCodeAt(j))) j++;
  return j;
}

/** Not whitespace, a quote, `<`, `>`, a backtick or a backslash (what ends a URL in text). */
function isUrlChar(c: number): boolean {
  return c > 0x20 && c !== 0x22 && c !== 0x27 && c !== 0x3c && c !== 0x3e && c !== 0x60 && c !== 0x5c && c !== 0x7f;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isB64Url(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x5f;
}

/** RFC 6750 §2.1 b64token characters, without the trailing `=` padding. */
function isTokenChar(c: number): boolean {
  return isB64Url(c) || c === 0x2e || c === 0x7e || c === 0x2b || c === 0x2f;
}

function isNameChar(c: number): boolean {
  return isAlnum(c) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x24;
}

/**
 * `eyJ` + base64url, then 2–4 more `.`-separated base64url parts. On failure `end` is where the
 * first part ends: no JWT can start inside it either (it would end there too), so the caller
 * skips it and a run of `eyJeyJeyJ…` is read once.
 */
function scanJwt(text: string, i: number): { ok: boolean; end: number } {
  const first = scanWhile(text, i + 3, isB64Url);
  if (first - i < 5) return { ok: false, end: first };
  let end = first;
  let dots = 0;
  while (dots < 4 && text.charCodeAt(end) === 0x2e) {
    end = scanWhile(text, end + 1, isB64Url);
    dots++;
  }
  return dots >= 2 ? { ok: true, end } : { ok: false, end: first };
}

/**
 * An email around the `@` (or `%40`) at `at`: the local part is read back no further than `floor`
 * (text already emitted) and stops at the previous `@`, so each character is read back once.
 * The domain is labels of letters, digits and `-` joined by dots, ending in a 2+ letter TLD.
 */
function scanEmail(text: string, at: number, floor: number, width: number): { start: number; end: number } | null {
  let start = at;
  while (start > floor && isLocalChar(text.charCodeAt(start - 1))) start--;
  if (start === at) return null;
  const from = at + width;
  const run = scanWhile(text, from, (c) => isAlnum(c) || c === 0x2d || c === 0x2e);
  let best = -1;
  let labelStart = from;
  let dots = 0;
  let lettersOnly = true;
  for (let j = from; j < run; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x2e) {
      if (j === labelStart) break; // an empty label
      dots++;
      labelStart = j + 1;
      lettersOnly = true;
      continue;
    }
    lettersOnly = lettersOnly && isLetter(c);
    if (dots > 0 && lettersOnly && j + 1 - labelStart >= 2) best = j + 1;
  }
  return best < 0 ? null : { start, end: best };
}

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2b || c === 0x2d;
}

interface Named {
  name: string;
  valueStart: number;
  valueEnd: number;
  /** What follows the value and is kept (the closing quote). */
  close: string;
  end: number;
  /** A double-quoted name and value around `:`: a JSON member. */
  json: boolean;
  decode(raw: string): string;
}

/** Longest first, so `\"` is not read as `"` preceded by a backslash. */
const QUOTES = ['&#x22;', '&#x27;', '&quot;', '&#34;', '&#39;', '\\"', "\\'", '"', "'"];

/**
 * `name=value`, `name = "value"`, `"name": "value"` around the `=` or `:` at `at`. A `:` needs a
 * quoted value (`https:` and `a: b` prose are not pairs); an unquoted `=` value ends at
 * `& # ; , < > "` `'` or whitespace. A quoted value with no closing quote (a truncated body)
 * runs to the end of the text, so a cut secret is still tagged.
 */
function scanNamed(text: string, at: number, floor: number, colon: boolean): Named | null {
  const prev = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 1);
  if (!colon && (prev === 0x3d || prev === 0x21 || prev === 0x3c || prev === 0x3e || after === 0x3d || after === 0x3e)) return null;
  // The name, read backwards: spaces, an optional closing quote, name characters.
  let j = at;
  let spaces = 0;
  while (j > floor && spaces < MAX_SPACES && text.charCodeAt(j - 1) === 0x20) {
    j--;
    spaces++;
  }
  const nameQuote = QUOTES.find((q) => j - q.length >= floor && text.startsWith(q, j - q.length)) ?? '';
  const nameEnd = j - nameQuote.length;
  let nameStart = nameEnd;
  while (nameStart > floor && nameEnd - nameStart < MAX_NAME && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
  if (nameStart === nameEnd) return null;
  if (nameQuote && !text.startsWith(nameQuote, nameStart - nameQuote.length)) return null;
  const name = text.slice(nameStart, nameEnd);

  let v = at + 1;
  spaces = 0;
  while (v < text.length && spaces < MAX_SPACES && text.charCodeAt(v) === 0x20) {
    v++;
    spaces++;
  }
  const quote = QUOTES.find((q) => text.startsWith(q, v)) ?? '';
  if (!quote) {
    if (colon || spaces > 0) return null;
    const end = scanWhile(text, v, isBareValueChar);
    if (end === v) return null;
    return { name, valueStart: v, valueEnd: end, close: '', end, json: false, decode: formDecode };
  }
  const valueStart = v + quote.length;
  const { end: valueEnd, closed } = findClose(text, valueStart, quote);
  return {
    name,
    valueStart,
    valueEnd,
    close: closed ? quote : '',
    end: closed ? valueEnd + quote.length : valueEnd,
    json: colon && nameQuote === '"' && quote === '"',
    decode: quote.startsWith('&') ? decodeEntities : quote.length === 1 ? unescapeJs : (raw) => raw,
  };
}

function isBareValueChar(c: number): boolean {
  return c > 0x20 && c !== 0x26 && c !== 0x23 && c !== 0x3b && c !== 0x2c && c !== 0x3c && c !== 0x3e && c !== 0x22 && c !== 0x27 && c !== 0x7f;
}

/**
 * Where the value ends: at its closing quote (backslash escapes skipped in a plain-quoted value),
 * else at the end of the line (a string literal cannot span lines) or of the text (a cut body).
 */
function findClose(text: string, from: number, quote: string): { end: number; closed: boolean } {
  if (quote.length > 1) {
    const at = text.indexOf(quote, from);
    return at < 0 ? { end: text.length, closed: false } : { end: at, closed: true };
  }
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === quote) return { end: j, closed: true };
    else if (c === '\n') return { end: j, closed: false };
  }
  return { end: text.length, closed: false };
}

/** JSON / JavaScript string escapes (`\"`, `\\`, `\n`, `\uXXXX`); anything odd stays as written. */
export function unescapeJs(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[^ux])/g, (m, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

/** HTML character references (named for the five XML ones, numeric for the rest). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? m;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? m;
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? m;
  });
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}
