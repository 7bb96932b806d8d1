import type { Entry } from 'har-format';
import { isDiscoveryUrl, type DiscoveredEndpoints } from '../../lib/capture/discovered-endpoints';
import { MAX_BODY_CHARS } from '../../lib/model/event';

/**
 * Which finished requests are worth a `getContent()` call: the responses OAuth checks read
 * (token, userinfo, discovery, JWKS, PAR, device authorization). webRequest never shows bodies
 * in Chrome, so this is the only way the token endpoint's JSON error reaches the analysis.
 * Also an authorization server's own error page (HTTP ≥ 400 on an authorization request): its
 * text is what names an unregistered redirect_uri (docs/checks.md `redirect-uri-not-registered-hint`).
 * Endpoints named by a discovery document seen earlier (`known`) count whatever their path.
 */
export function wantsBody(entry: Pick<Entry, 'request' | 'response'>, known?: DiscoveredEndpoints): boolean {
  const url = entry.request.url;
  const method = entry.request.method.toUpperCase();
  const post = entry.request.postData?.text ?? entry.request.postData?.params?.map((p) => `${p.name}=`).join('&') ?? '';
  if (isDiscoveryUrl(url) || known?.has(url)) return true;
  if (/jwks|\/certs\b|\/keys\b/i.test(url) && method === 'GET') return true;
  if (/userinfo/i.test(url)) return true;
  if (method === 'POST' && /(^|&)(grant_type|device_code|token)=/.test(post)) return true;
  if (method === 'POST' && /\/par\b|pushed/i.test(url)) return true;
  if (method === 'POST' && /device/i.test(url)) return true;
  // RFC 6749 §4.1.2.1: the server must not redirect to an unverified redirect_uri; it shows its own page.
  if (method === 'GET' && (entry.response?.status ?? 0) >= 400 && /[?&](response_type|client_id|error)=/.test(url)) return true;
  return false;
}

export function clampBody(text: string): { text: string; truncated: boolean } {
  return text.length > MAX_BODY_CHARS ? { text: text.slice(0, MAX_BODY_CHARS), truncated: true } : { text, truncated: false };
}

/** A devtools.network request's `getContent`, in any of the shapes browsers give it. */
export interface ContentSource {
  getContent(callback?: (content: unknown, encoding: unknown) => void): unknown;
}

/**
 * The [content, encoding] of a finished request, whichever API shape the page was given:
 * - Chrome's own API takes a callback and returns nothing. Chromium ≥ 15x exposes it as
 *   `browser` too, and webextension-polyfill then hands that object over unwrapped.
 * - webextension-polyfill's wrapper (older Chrome) returns a promise of [content, encoding] and
 *   throws when given an argument.
 * - Firefox returns a promise of [content, mimeType] (the second element is no encoding there).
 * Never rejects: a request that is gone (navigation, DevTools closed) gives [undefined, undefined].
 */
export function readContent(request: ContentSource): Promise<[unknown, unknown]> {
  return new Promise((resolve) => {
    const none = () => resolve([undefined, undefined]);
    const settle = (returned: unknown) => {
      if (typeof (returned as PromiseLike<unknown> | undefined)?.then !== 'function') return;
      (returned as PromiseLike<unknown>).then((answer) => resolve(Array.isArray(answer) ? [answer[0], answer[1]] : [answer, undefined]), none);
    };
    try {
      settle(request.getContent((content, encoding) => resolve([content, encoding])));
    } catch {
      try {
        settle(request.getContent());
      } catch {
        none();
      }
    }
  });
}
