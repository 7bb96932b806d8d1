import { navigationAllowed, patternParts, type SiteAccess } from './patterns';

/**
 * The fields of the browsers' `events.UrlFilter` (webNavigation's `url` filters, Chrome and
 * Firefox alike) that this extension uses. A filter matches when all its fields do; a list of
 * filters matches when any filter does.
 */
export interface NavigationUrlFilter {
  schemes?: string[];
  hostEquals?: string;
  hostSuffix?: string;
  urlPrefix?: string;
  urlMatches?: string;
}

/**
 * URLs that are not http(s) — the pages that are no site (about:blank, data:, blob:…), which
 * `navigationAllowed` keeps once a site is granted — as a regular expression both RE2
 * (Chrome) and JavaScript (Firefox) read the same: "does not start with `http:` or `https:`".
 * Browsers hand these filters canonical URLs, whose scheme is lower case.
 */
export const NOT_A_SITE_URL = '^([^h]|h[^t]|ht[^t]|htt[^p]|http[^s:]|https[^:])';

/** The filters for one granted pattern (lib/site-access/patterns.ts shapes); none for other shapes. */
function siteFilters(pattern: string): NavigationUrlFilter[] {
  const parts = patternParts(pattern);
  if (!parts) return [];
  const schemes = parts.scheme === '*' ? ['http', 'https'] : [parts.scheme];
  const { host } = parts;
  if (host === '*') return [{ schemes }];
  if (host.startsWith('*.')) return [{ schemes, hostEquals: host.slice(2) }, { schemes, hostSuffix: host.slice(1) }];
  // An IPv6 literal: Firefox compares hosts without the brackets, Chrome with them; the URL's
  // start is the same in both (the closing bracket ends the host).
  if (host.startsWith('[')) return schemes.map((s) => ({ urlPrefix: `${s}://${host}` }));
  return [{ schemes, hostEquals: host }];
}

/**
 * The webNavigation `url` filters that let through exactly the navigations `navigationAllowed`
 * records: the granted sites, and pages that are no site while any site is granted. With them
 * the browser never hands the background a navigation of another site — no event crosses to the
 * extension, no listener runs. `undefined`: no filter (all sites); `[]`: nothing is granted, so
 * no navigation listener is needed at all.
 */
export function navigationFilters(access: SiteAccess): NavigationUrlFilter[] | undefined {
  if (access.allSites) return undefined;
  if (!navigationAllowed(access, 'about:blank')) return [];
  return [...access.sites.flatMap(siteFilters), { urlMatches: NOT_A_SITE_URL }];
}
