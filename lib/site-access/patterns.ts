// Site access as host match patterns (the `origins` of the permissions API). The extension asks
// for hosts, never for anything wider than http and https: ALL_SITES is "all sites", and a site
// is `scheme://host/` plus a star — a pattern without a port covers every port of that host in
// Chrome and Firefox alike (Firefox refuses ports in patterns).

/** "Capture on all sites": the optional host permission the options page asks for. */
export const ALL_SITES = '*://*/*';

/** What the browser has granted, as the background and the pages see it. */
export interface SiteAccess {
  allSites: boolean;
  /** Per-site patterns (see sitePattern), sorted; empty when nothing but all sites is granted. */
  sites: string[];
}

export const NO_ACCESS: SiteAccess = { allSites: false, sites: [] };

/** Patterns that mean every http(s) site. `<all_urls>` is what older installs were granted. */
const WIDE = new Set([ALL_SITES, '<all_urls>', 'http://*/*', 'https://*/*']);

/** From `permissions.getAll().origins`. */
export function siteAccessOf(origins: readonly string[] | undefined): SiteAccess {
  const all = origins ?? [];
  const allSites = all.includes(ALL_SITES) || all.includes('<all_urls>') || (all.includes('http://*/*') && all.includes('https://*/*'));
  const sites = [...new Set(all.filter((o) => !WIDE.has(o)))].sort();
  return { allSites, sites };
}

const HOST_URL = /^(https?):\/\/([^/?#]+)/i;

/** scheme and host (no port, no credentials), lower-cased; null for anything but http(s). */
function schemeAndHost(url: string): { scheme: string; host: string } | null {
  const [, scheme = '', rawAuthority = ''] = HOST_URL.exec(url) ?? [];
  const authority = rawAuthority.slice(rawAuthority.lastIndexOf('@') + 1);
  // An IPv6 literal keeps its brackets; otherwise the port goes.
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : (authority.split(':')[0] ?? '');
  return scheme && host ? { scheme: scheme.toLowerCase(), host: host.toLowerCase() } : null;
}

// The site pattern for a page or origin: http://127.0.0.1:8080/cb gives http://127.0.0.1/ and a star.
export function sitePattern(url: string): string | null {
  const parts = schemeAndHost(url);
  return parts ? `${parts.scheme}://${parts.host}/*` : null;
}

/** The origin as people read it: `http://127.0.0.1:8080/cb` → `http://127.0.0.1:8080`. */
export function siteLabel(url: string): string | null {
  const [, scheme = '', authority = ''] = HOST_URL.exec(url) ?? [];
  const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  return scheme && host ? `${scheme.toLowerCase()}://${host}` : null;
}

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)\/\*$/;

/**
 * The scheme (`*`, http or https) and host (`*`, `*.example.com` or a host, lower-cased) of a
 * pattern of the shapes this extension grants; null for any other pattern.
 */
export function patternParts(pattern: string): { scheme: string; host: string } | null {
  const [, scheme = '', host = ''] = PATTERN.exec(pattern) ?? [];
  return scheme ? { scheme: scheme.toLowerCase(), host: host.toLowerCase() } : null;
}

/** Does one host pattern (the shapes this extension grants) cover the URL? */
export function patternAllows(pattern: string, url: string): boolean {
  if (WIDE.has(pattern)) return schemeAndHost(url) !== null && (pattern !== 'http://*/*' || /^http:/i.test(url)) && (pattern !== 'https://*/*' || /^https:/i.test(url));
  const granted = patternParts(pattern);
  const parts = schemeAndHost(url);
  if (!granted || !parts) return false;
  const { scheme, host } = granted;
  if (scheme !== '*' && scheme !== parts.scheme) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return parts.host === host.slice(2) || parts.host.endsWith(host.slice(1));
  return parts.host === host;
}

/** Is the extension allowed to look at a request to or a page on this URL? */
export function accessAllows(access: SiteAccess, url: string): boolean {
  if (access.allSites) return schemeAndHost(url) !== null;
  return access.sites.some((p) => patternAllows(p, url));
}

/**
 * Is the extension allowed to record a navigation (webNavigation event) to this URL? Web pages
 * follow `accessAllows`; a page that is no site (about:blank, data:, blob:…) belongs to no one
 * else, and is kept once a site is granted: a login popup opened as about:blank
 * (`window.open('about:blank')`, then navigated) is known to its opener only through that event.
 */
export function navigationAllowed(access: SiteAccess, url: string): boolean {
  if (schemeAndHost(url) === null) return access.allSites || access.sites.length > 0;
  return accessAllows(access, url);
}

/** The webRequest `urls` filter for this access; empty when nothing is granted. */
export function requestFilterUrls(access: SiteAccess): string[] {
  return access.allSites ? [ALL_SITES] : access.sites;
}
