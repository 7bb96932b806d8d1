import type { Entry } from 'har-format';
import { MAX_BODY_CHARS } from '../../lib/model/event';

/**
 * Which finished requests are worth a `getContent()` call: the responses OAuth checks read
 * (token, userinfo, discovery, JWKS, PAR, device authorization). webRequest never shows bodies
 * in Chrome, so this is the only way the token endpoint's JSON error reaches the analysis.
 * Also an authorization server's own error page (HTTP ≥ 400 on an authorization request): its
 * text is what names an unregistered redirect_uri (docs/checks.md `redirect-uri-not-registered-hint`).
 */
export function wantsBody(entry: Pick<Entry, 'request' | 'response'>): boolean {
  const url = entry.request.url;
  const method = entry.request.method.toUpperCase();
  const post = entry.request.postData?.text ?? entry.request.postData?.params?.map((p) => `${p.name}=`).join('&') ?? '';
  if (/\/\.well-known\/(openid-configuration|oauth-authorization-server)/.test(url)) return true;
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
