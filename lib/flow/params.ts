import type { Header, Param, RequestEvent } from '../model/event';

/**
 * Parameter helpers. Parsing never throws: captured URLs and bodies are hostile input, and a URL
 * that does not parse simply has no parameters.
 */

/** `application/x-www-form-urlencoded` parsing, keeping order and duplicates. */
export function parseForm(text: string): Param[] {
  if (!NEEDS_DECODING.test(text)) return splitPlainForm(text);
  const out: Param[] = [];
  for (const pair of new URLSearchParams(text)) out.push({ name: pair[0], value: pair[1] });
  return out;
}

/**
 * What makes the urlencoded parser (WHATWG URL §5.1) change a name or value: `%` escapes, `+`
 * for space, and characters outside ASCII (lone surrogates become U+FFFD). Text without them is
 * only split, which `splitPlainForm` does without URLSearchParams' iterator (issue 16: every
 * request's query is parsed on a big HAR).
 */
const NEEDS_DECODING = /[^\x00-\x24\x26-\x2a\x2c-\x7f]/;

/** URLSearchParams' result for text that needs no decoding: a leading `?` dropped, split on `&`, empty pieces skipped, name and value at the first `=`. */
function splitPlainForm(text: string): Param[] {
  const out: Param[] = [];
  const len = text.length;
  let start = text.charCodeAt(0) === 0x3f ? 1 : 0;
  while (start <= len) {
    let end = text.indexOf('&', start);
    if (end < 0) end = len;
    if (end > start) {
      const eq = text.indexOf('=', start);
      out.push(eq >= 0 && eq < end ? { name: text.slice(start, eq), value: text.slice(eq + 1, end) } : { name: text.slice(start, end), value: '' });
    }
    start = end + 1;
  }
  return out;
}

/**
 * Parsed URLs, shared: one analysis asks for the same URL many times (import, classification,
 * correlation, checks), and parsing was a tenth of `analyze` on a big HAR (issue 16). Bounded, so
 * a long-lived extension page never holds more than this many.
 */
const PARSED = new Map<string, Readonly<URL> | null>();
const MAX_PARSED = 20_000;

/** The URL parsed, or null when it does not parse. Shared between callers: read it, never change it. */
export function safeUrl(url: string): Readonly<URL> | null {
  let parsed = PARSED.get(url);
  if (parsed === undefined) {
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(url, parsed);
  }
  return parsed;
}

export function queryParams(url: string): Param[] {
  const u = safeUrl(url);
  return u ? parseForm(u.search.slice(1)) : [];
}

export function fragmentParams(url: string): Param[] {
  const hash = url.indexOf('#');
  return hash < 0 ? [] : parseForm(url.slice(hash + 1));
}

export function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** scheme://host:port/path — what RFC 6749 §3.1.2 compares a redirect against (query ignored). */
export function urlBase(url: string): string | null {
  const u = safeUrl(url);
  return u ? `${u.protocol}//${u.host}${u.pathname}` : null;
}

export function originOf(url: string): string | null {
  const u = safeUrl(url);
  return u && u.origin !== 'null' ? u.origin : null;
}

export function getParam(params: readonly Param[], name: string): string | null {
  for (const p of params) if (p.name === name) return p.value;
  return null;
}

export function hasParam(params: readonly Param[], name: string): boolean {
  return params.some((p) => p.name === name);
}

/** Form fields of a request body (form data, or text that is form-encoded). */
export function bodyParams(event: RequestEvent): Param[] {
  const body = event.requestBody;
  if (!body) return [];
  if (body.kind === 'form') return body.fields;
  const type = headerValue(event.requestHeaders, 'content-type') ?? '';
  if (type.includes('json') || body.text.trimStart().startsWith('{')) return jsonParams(body.text);
  return parseForm(body.text);
}

function jsonParams(text: string): Param[] {
  const parsed = parseJsonObject(text);
  if (!parsed) return [];
  return Object.entries(parsed)
    .filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]))
    .map(([name, value]) => ({ name, value: String(value) }));
}

/**
 * `header.toLowerCase() === lower`, without lower-casing names that cannot match (issue 16: every
 * lookup lower-cased every header of a request). Lower-casing never shortens a string, and only
 * U+0130 (İ → i + U+0307) lengthens one, so a longer name never matches and a shorter one only
 * when it holds U+0130.
 */
function sameName(header: string, lower: string): boolean {
  if (header.length === lower.length) return header === lower || header.toLowerCase() === lower;
  return header.length < lower.length && header.includes('\u0130') && header.toLowerCase() === lower;
}

export function headerValue(headers: readonly Header[] | undefined, name: string): string | null {
  if (!headers) return null;
  const lower = name.toLowerCase();
  for (const h of headers) if (sameName(h.name, lower)) return h.value;
  return null;
}

export function headerValues(headers: readonly Header[] | undefined, name: string): string[] {
  if (!headers) return [];
  const lower = name.toLowerCase();
  return headers.filter((h) => sameName(h.name, lower)).map((h) => h.value);
}

/** A JSON object, or null. Arrays, primitives and broken JSON are not objects. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Response body as an object: JSON, or form-encoded (GitHub's default token response). */
export function responseObject(event: RequestEvent): Record<string, unknown> | null {
  const body = event.responseBody;
  if (!body) return null;
  const json = parseJsonObject(body.text);
  if (json) return json;
  const type = body.mimeType ?? headerValue(event.responseHeaders, 'content-type') ?? '';
  if (type.includes('x-www-form-urlencoded')) {
    return Object.fromEntries(parseForm(body.text).map((p) => [p.name, p.value]));
  }
  return null;
}

export function stringField(obj: Record<string, unknown> | null, name: string): string | null {
  const value = obj?.[name];
  return typeof value === 'string' ? value : null;
}

/** The space-separated scope list (RFC 6749 §3.3), without empty entries. */
export function scopeList(scope: string | null): string[] {
  return scope ? scope.split(' ').filter(Boolean) : [];
}
