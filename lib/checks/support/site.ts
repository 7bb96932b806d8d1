import { safeUrl } from '../../flow/params';

/**
 * Second-level labels under which registrations happen (a tiny stand-in for the Public Suffix
 * List: enough for the common `co.uk` / `com.au` shapes; unknown suffixes fall back to eTLD+1).
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go']);

function isIp(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * The "site" of a URL as SameSite cookies understand it (draft-ietf-httpbis-rfc6265bis §5.2):
 * scheme plus registrable domain. Ports never matter; `127.0.0.1` and `localhost` are different
 * sites; an IP address is its own site. Null for URLs that do not parse or are not http(s).
 */
export function siteOf(url: string): string | null {
  const u = safeUrl(url);
  if (!u || !/^https?:$/.test(u.protocol) || !u.hostname) return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (isIp(host) || !host.includes('.')) return `${u.protocol}//${host}`;
  const labels = host.split('.');
  const take = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return `${u.protocol}//${labels.slice(-take).join('.')}`;
}

/** Both URLs belong to the same site; false when either cannot be parsed. */
export function isSameSite(a: string, b: string): boolean {
  const sa = siteOf(a);
  return sa !== null && sa === siteOf(b);
}
