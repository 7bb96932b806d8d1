import { classifyName, PII } from './policy';
import { looksLikeJwt } from '../jwt/decode';
import { redactJwt } from './jwt';
import { isTag, type RedactContext } from './tags';
import { redactUrl } from './url';

/** Where a value was found; used for the manifest's field list (`query:state`). */
export type Where = 'query' | 'fragment' | 'form' | 'json' | 'header' | 'cookie' | 'html' | 'text' | 'jwt';

/**
 * Redact the value of a named parameter, form field, JSON member or hidden input
 * (docs/trace-format.md "What is redacted"). Empty values stay empty: "state was empty" is evidence, not a secret.
 */
export function redactValue(name: string, value: string, ctx: RedactContext, where: Where): string {
  if (value === '' || isTag(value)) return value;
  const cls = classifyName(name);
  if (cls !== 'keep') ctx.note(`${where}:${name.toLowerCase()}`);
  switch (cls) {
    case 'secret':
      return redactSecret(name, value, ctx);
    case 'correlation':
    case 'pii-tag':
      return ctx.tag(name, value);
    case 'pii-drop':
      return PII;
    case 'keep':
      return redactLoose(value, ctx);
  }
}

/** A credential: JWTs get structural redaction (docs/trace-format.md "JWTs"), opaque values are tagged whole. */
export function redactSecret(label: string, value: string, ctx: RedactContext): string {
  if (value === '' || isTag(value)) return value;
  return looksLikeJwt(value) ? redactJwt(value, ctx, label) : ctx.tag(label, value);
}

/** A value with no telling name: a whole JWT, an absolute URL with parameters, or free text. */
export function redactLoose(value: string, ctx: RedactContext): string {
  if (looksLikeJwt(value)) return redactJwt(value, ctx, 'jwt');
  if (/^https?:\/\/[^\s]*$/i.test(value)) return redactUrl(value, ctx);
  return scrubText(value, ctx);
}

const NAMED_SECRETS =
  'code|access_token|refresh_token|id_token|client_secret|code_verifier|client_assertion|assertion|subject_token|actor_token|device_code|user_code|password|passwd|otp|SAMLResponse|SAMLRequest|logout_token|id_token_hint|request_uri|token|state|nonce|session_state|code_challenge|login_hint';

/**
 * Everything secret-shaped inside free text (error messages, HTML, JS, truncated bodies), in one
 * pass so a replacement is never looked at again: absolute URLs (their parameters), JWTs, JSON
 * members and `name=value` pairs with secret names, and email addresses (docs/trace-format.md "What is redacted", personal data:
 * "scrub email-shaped substrings anywhere"). `%40` counts as `@` because URLs carry it encoded.
 */
const URL_PART = String.raw`(?<url>https?:\/\/[^\s"'<>\x60\\]+)`;
const OTHER_PARTS = [
  String.raw`(?<jwt>eyJ[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){2,4})`,
  String.raw`"(?<jname>${NAMED_SECRETS})"\s*:\s*"(?<jvalue>(?!⟦)(?:[^"\\]|\\.)+)"`,
  String.raw`\b(?<pname>${NAMED_SECRETS})=(?<pvalue>(?!⟦)[^&\s"'<>#;,]+)`,
  String.raw`(?<email>[A-Za-z0-9._+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`,
];
const SCRUB = new RegExp([URL_PART, ...OTHER_PARTS].join('|'), 'gi');
/** For the path of a URL being redacted: no URL matching there, or redaction would recurse forever. */
const SCRUB_NO_URL = new RegExp(OTHER_PARTS.join('|'), 'gi');

export function scrubText(text: string, ctx: RedactContext, options: { urls?: boolean } = {}): string {
  return text.replace(options.urls === false ? SCRUB_NO_URL : SCRUB, (match: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Record<string, string | undefined>;
    if (groups.url !== undefined) return redactUrl(groups.url, ctx);
    if (groups.jwt !== undefined) {
      ctx.note('text:jwt');
      return ctx.tag('jwt', groups.jwt);
    }
    if (groups.jname !== undefined && groups.jvalue !== undefined) {
      ctx.note(`text:${groups.jname.toLowerCase()}`);
      return `"${groups.jname}":"${ctx.tag(groups.jname, unescapeJson(groups.jvalue))}"`;
    }
    if (groups.pname !== undefined && groups.pvalue !== undefined) {
      ctx.note(`text:${groups.pname.toLowerCase()}`);
      return `${groups.pname}=${ctx.tag(groups.pname, formDecode(groups.pvalue))}`;
    }
    if (groups.email !== undefined) {
      ctx.note('text:email');
      return ctx.tag('email', groups.email.replace(/%40/i, '@'));
    }
    return match;
  });
}

function unescapeJson(raw: string): string {
  try {
    const v: unknown = JSON.parse(`"${raw}"`);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}

/**
 * canon(v) for URL and form values (docs/trace-format.md "Tags"): decoded exactly as the analyzer's
 * URLSearchParams decodes them ('+' is a space, malformed escapes stay), so equal tags mean the
 * analyzer would have seen equal values.
 */
export function formDecode(raw: string): string {
  return new URLSearchParams(`a=${raw.replace(/&/g, '%26')}`).get('a') ?? raw;
}

/**
 * Encode a replacement for a query, fragment or form body. Tag characters (⟦ ⟧ :) stay readable:
 * they survive `new URL()` and URLSearchParams unchanged, so the analyzer reads the same tag.
 */
export function encodeUrlValue(value: string): string {
  return encodeURIComponent(value).replace(/%E2%9F%A6/g, '⟦').replace(/%E2%9F%A7/g, '⟧').replace(/%3A/g, ':');
}
