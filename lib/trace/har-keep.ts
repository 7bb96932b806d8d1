import { hasTokenCredential } from '../capture/headers';
import { isIgnoredType, shapeOfBody, shapeOfBodyText, shapeOfUrl } from '../capture/prefilter';
import { isDocumentType } from '../flow/classify';
import { headerValue } from '../flow/params';
import { resourceType } from './har-import';
import type { HarEntry } from './har-schema';

/**
 * What a streamed HAR keeps of each entry (issue 12): the capture prefilter's question — could it
 * belong to an OAuth flow? — asked per entry, so a 200 MB HAR of ordinary traffic stays small.
 *
 * - kept whole: anything the prefilter recognises (URL, form or JSON body, a Bearer/DPoP
 *   credential), documents and frames (login, consent and error pages, the app's pages),
 *   redirects, failed and unanswered requests, and JWKS documents at any path;
 * - dropped: images, scripts, styles, fonts, media and other subresources that never carry a
 *   protocol message;
 * - kept without bodies: other XHR/fetch traffic, whose URL, status and headers still place it
 *   (the relying party's `Set-Cookie` on an API call, a CORS answer).
 */
export function keepForAnalysis(entry: HarEntry): HarEntry | null {
  const request = entry.request;
  if (shapeOfUrl(request.url) !== null || hasTokenCredential(request.headers) || bodyShape(entry)) return entry;
  const type = typeOf(entry);
  if (isIgnoredType(type)) return null;
  const status = entry.response.status;
  if (isDocumentType(type) || status === 0 || status >= 300 || isJwks(entry)) return entry;
  if (!request.postData && !entry.response.content?.text) return entry;
  return { ...entry, request: { ...request, postData: undefined }, response: { ...entry.response, content: undefined } };
}

/** Response media types of subresources, for HARs that name no resource type (`other`). */
const SUBRESOURCE_MIME: ReadonlyArray<readonly [RegExp, string]> = [
  [/^image\//i, 'image'],
  [/(?:java|ecma)script/i, 'script'],
  [/^text\/css/i, 'stylesheet'],
  [/^(?:font\/|application\/(?:x-)?font)/i, 'font'],
  [/^(?:audio|video)\//i, 'media'],
  [/json/i, 'xmlhttprequest'],
];

/** The importer's resource type; `other` (no type in the HAR) is narrowed by the response's media type. */
function typeOf(entry: HarEntry): string {
  const { type } = resourceType(entry);
  if (type !== 'other') return type;
  const mime = headerValue(entry.response.headers, 'content-type') ?? entry.response.content?.mimeType ?? '';
  return SUBRESOURCE_MIME.find(([pattern]) => pattern.test(mime))?.[1] ?? type;
}

/** The capture prefilter reads the first 4096 bytes of a raw body; as many characters here. */
const PEEK_CHARS = 4096;

/** The prefilter's body test on a HAR `postData` (form params, urlencoded or JSON text). */
function bodyShape(entry: HarEntry): boolean {
  const post = entry.request.postData;
  if (!post) return false;
  if (post.params?.length) return shapeOfBody({ formData: Object.fromEntries(post.params.map((p) => [p.name, [p.value ?? '']])) }) !== null;
  if (!post.text) return false;
  return shapeOfBodyText(post.text.slice(0, PEEK_CHARS)) !== null;
}

/** A JSON Web Key Set (RFC 7517 §5), wherever its jwks_uri points. */
function isJwks(entry: HarEntry): boolean {
  const text = entry.response.content?.text;
  return text !== undefined && /^\s*\{\s*"keys"\s*:/.test(text.slice(0, 64));
}
