import { classifyName, PII } from './policy';
import { looksLikeJwt } from '../jwt/decode';
import { redactJwt } from './jwt';
import { isTag, type RedactContext } from './tags';
import { isPlaceholderText } from '../placeholders/foreign';
import { scrubText } from './scrub';
import { redactUrl } from './url';

/** Where a value was found; used for the manifest's field list (`query:state`). */
export type Where = 'query' | 'fragment' | 'form' | 'json' | 'header' | 'cookie' | 'html' | 'text' | 'jwt';

/**
 * Redact the value of a named parameter, form field, JSON member or hidden input
 * (docs/trace-format.md "What is redacted"). Empty values stay empty: "state was empty" is evidence, not a secret.
 * Another tool's placeholder ("[state redacted]", "REDACTED") stays as it is: it is no value, and
 * the analysis of the redacted trace must still see what another tool removed.
 */
export function redactValue(name: string, value: string, ctx: RedactContext, where: Where): string {
  if (value === '' || isTag(value) || isPlaceholderText(value)) return value;
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
  if (value === '' || isTag(value) || isPlaceholderText(value)) return value;
  return looksLikeJwt(value) ? redactJwt(value, ctx, label) : ctx.tag(label, value);
}

/** A value with no telling name: a whole JWT, an absolute URL with parameters, or free text. */
export function redactLoose(value: string, ctx: RedactContext): string {
  if (looksLikeJwt(value)) return redactJwt(value, ctx, 'jwt');
  if (/^https?:\/\/[^\s]*$/i.test(value)) return redactUrl(value, ctx);
  return scrubText(value, ctx);
}

export { scrubText } from './scrub';

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
