import type { Header, RequestEvent } from '../../model/event';
import { headerValues, safeUrl } from '../../flow/params';
import { headersKnown } from './headers-known';

/** One `Set-Cookie` header, with the attributes the SameSite checks need (rfc6265bis §5.6). */
export interface SetCookie {
  name: string;
  /** 'Lax' | 'Strict' | 'None' as written (normalised case), or null when absent. */
  sameSite: string | null;
  secure: boolean;
  path: string | null;
  domain: string | null;
  /** Max-Age ≤ 0 or an Expires in the past relative to `time`: the cookie is being deleted. */
  deleted: boolean;
  raw: string;
}

function normaliseSameSite(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower === 'lax' ? 'Lax' : lower === 'strict' ? 'Strict' : lower === 'none' ? 'None' : value.trim();
}

/** Parse one Set-Cookie value; null when there is no `name=`. Never throws. */
export function parseSetCookie(raw: string, time = Date.now()): SetCookie | null {
  const [pair = '', ...attributes] = raw.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  if (!name) return null;
  const cookie: SetCookie = { name, sameSite: null, secure: false, path: null, domain: null, deleted: false, raw };
  for (const attribute of attributes) {
    const i = attribute.indexOf('=');
    const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
    const value = i < 0 ? '' : attribute.slice(i + 1).trim();
    if (key === 'samesite') cookie.sameSite = normaliseSameSite(value);
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'path') cookie.path = value || null;
    else if (key === 'domain') cookie.domain = value.replace(/^\./, '').toLowerCase() || null;
    else if (key === 'max-age' && /^-?\d+$/.test(value) && Number(value) <= 0) cookie.deleted = true;
    else if (key === 'expires') {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && at < time) cookie.deleted = true;
    }
  }
  return cookie;
}

/**
 * Every Set-Cookie of a response. webRequest reports each as its own header; some sources (HAR,
 * fetch) fold them into one value separated by newlines.
 */
export function setCookiesOf(headers: readonly Header[] | undefined, time?: number): SetCookie[] {
  return headerValues(headers, 'set-cookie')
    .flatMap((v) => v.split('\n'))
    .map((v) => parseSetCookie(v, time))
    .filter((c): c is SetCookie => c !== null);
}

/** Names in a request's `Cookie` header (`a=1; b=2`), or null when no Cookie header was captured. */
export function cookieNamesSent(headers: readonly Header[] | undefined): string[] | null {
  const values = headerValues(headers, 'cookie');
  if (values.length === 0) return null;
  return values
    .flatMap((v) => v.split(';'))
    .map((p) => p.split('=')[0]?.trim() ?? '')
    .filter(Boolean);
}

/**
 * The cookie names a request carried: [] when its headers were captured without a Cookie header,
 * null when its headers are not known (seen by the page only, or recorded without headers).
 */
export function cookiesSentWith(event: RequestEvent): string[] | null {
  return headersKnown(event, 'request') ? (cookieNamesSent(event.requestHeaders) ?? []) : null;
}

/** Would a cookie set by a response for `setUrl` be sent to `targetUrl`, host- and path-wise (RFC 6265 §5.1.3, §5.1.4)? */
export function cookieApplies(cookie: SetCookie, setUrl: string, targetUrl: string): boolean {
  const from = safeUrl(setUrl);
  const to = safeUrl(targetUrl);
  if (!from || !to) return false;
  const host = to.hostname.toLowerCase();
  const hostOk = cookie.domain ? host === cookie.domain || host.endsWith(`.${cookie.domain}`) : host === from.hostname.toLowerCase();
  if (!hostOk) return false;
  const path = cookie.path ?? defaultPath(from.pathname);
  return to.pathname === path || (to.pathname.startsWith(path) && (path.endsWith('/') || to.pathname[path.length] === '/'));
}

/** RFC 6265 §5.1.4: the directory of the request path. */
function defaultPath(pathname: string): string {
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}
