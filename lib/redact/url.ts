import { MAX_VALUE_CHARS } from './policy';
import type { RedactContext } from './tags';
import { encodeUrlValue, formDecode, redactValue, scrubText, type Where } from './value';

/**
 * Redact a URL (absolute or relative) without re-serializing it: each `name=value` pair of the
 * query and fragment is replaced only when its value changes, so non-secret parameters
 * (response_type, scope, redirect_uri, client_id) keep their exact bytes and the analyzer parses
 * the redacted URL the same way (docs/trace-format.md "What is redacted": "Location and Referer carry the same secrets as
 * the callback"). Never throws: a URL that does not parse is still scrubbed as text.
 */
let depth = 0;
/** URLs nested in URLs deeper than this are tagged whole: hostile input must not exhaust the stack. */
const MAX_NESTING = 16;

export function redactUrl(url: string, ctx: RedactContext): string {
  if (depth >= MAX_NESTING || url.length > MAX_VALUE_CHARS) return ctx.tag('url', url);
  depth += 1;
  try {
    return redactUrlAt(url, ctx);
  } finally {
    depth -= 1;
  }
}

function redactUrlAt(url: string, ctx: RedactContext): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? null : url.slice(hashAt + 1);
  const q = beforeHash.indexOf('?');
  const base = q < 0 ? beforeHash : beforeHash.slice(0, q);
  const query = q < 0 ? null : beforeHash.slice(q + 1);

  let out = redactBase(base, ctx);
  if (query !== null) out += `?${redactPairs(query, ctx, 'query')}`;
  if (fragment !== null) out += `#${redactFragment(fragment, ctx)}`;
  return out;
}

/** `user:password@` in the authority is a credential (RFC 3986 §3.2.1 deprecates it for this reason). */
function redactBase(base: string, ctx: RedactContext): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)(.*)$/is.exec(base);
  if (!m) return scrubPath(base, ctx);
  const userinfo = m[2]!.slice(0, -1);
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const pass = colon < 0 ? null : userinfo.slice(colon + 1);
  ctx.note('url:userinfo');
  // Percent-encode the tags fully here: ':' separates user from password.
  const parts = [encodeURIComponent(ctx.tag('username', formDecode(user)))];
  if (pass !== null) parts.push(encodeURIComponent(ctx.tag('password', formDecode(pass))));
  return `${m[1]}${parts.join(':')}@${scrubPath(m[3]!, ctx)}`;
}

/** Paths can hold emails (`/users/alice@example.com`) or JWTs (magic links), never URL secrets by name. */
function scrubPath(path: string, ctx: RedactContext): string {
  if (!/@|%40|eyJ/i.test(path)) return path;
  return scrubText(path, ctx, { urls: false });
}

/** Fragments: `#a=b&c=d`, or an SPA route with its own query (`#/cb?code=…`). */
function redactFragment(fragment: string, ctx: RedactContext): string {
  const q = fragment.indexOf('?');
  const eq = fragment.indexOf('=');
  if (q >= 0 && (eq < 0 || q < eq)) return `${scrubPath(fragment.slice(0, q), ctx)}?${redactPairs(fragment.slice(q + 1), ctx, 'fragment')}`;
  if (eq < 0) return scrubPath(fragment, ctx);
  return redactPairs(fragment, ctx, 'fragment');
}

/**
 * `application/x-www-form-urlencoded` pairs (a query, a fragment or a form body), keeping every
 * unchanged pair byte for byte and the order, duplicates and separators as they were.
 */
export function redactPairs(raw: string, ctx: RedactContext, where: Where): string {
  return raw
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return scrubPath(part, ctx);
      const rawName = part.slice(0, eq);
      const value = formDecode(part.slice(eq + 1));
      // `&amp;` in a URL copied out of HTML leaves `amp;code` as the name.
      const redacted = redactValue(formDecode(rawName).replace(/^amp;/i, ''), value, ctx, where);
      return redacted === value ? part : `${rawName}=${encodeUrlValue(redacted)}`;
    })
    .join('&');
}
