import { describe, expect, it } from 'vitest';
import { navigationFilters, NOT_A_SITE_URL, type NavigationUrlFilter } from '../../lib/site-access/navigation-filter';
import { navigationAllowed, siteAccessOf } from '../../lib/site-access/patterns';

/**
 * How Chrome and Firefox read a webNavigation `url` filter list (developer.chrome.com
 * events.UrlFilter; MDN events.UrlFilter), for the fields navigation-filter.ts uses: every field
 * of one filter must match, any filter of the list may. Hosts as Chrome gives them (an IPv6
 * literal with its brackets); prefixes and expressions against the canonical URL without its fragment.
 */
function browserMatches(filters: NavigationUrlFilter[], url: string): boolean {
  const u = new URL(url);
  const spec = u.href.split('#')[0]!;
  const host = u.hostname;
  return filters.some(
    (f) =>
      (f.schemes === undefined || f.schemes.includes(u.protocol.slice(0, -1))) &&
      (f.hostEquals === undefined || host === f.hostEquals) &&
      (f.hostSuffix === undefined || host.endsWith(f.hostSuffix)) &&
      (f.urlPrefix === undefined || spec.startsWith(f.urlPrefix)) &&
      (f.urlMatches === undefined || new RegExp(f.urlMatches).test(spec)),
  );
}

const URLS = [
  'http://127.0.0.1:4000/authorize?x=1#frag',
  'http://127.0.0.1/',
  'https://127.0.0.1/',
  'http://127.0.0.10/',
  'http://localhost:3000/cb',
  'https://login.example.com/x',
  'https://example.com/',
  'http://example.com/',
  'https://badexample.com/',
  'https://example.com.evil.test/',
  'https://login.example.org/',
  'http://[::1]:8080/cb',
  'https://[::1]/',
  'http://[::2]/',
  'about:blank',
  'about:srcdoc',
  'data:text/html,<p>hi',
  'blob:https://example.com/0f0e',
  'chrome-extension://abcdef/options.html',
  'file:///tmp/x.html',
  'httpx://odd/',
  'h:odd',
];

const ACCESSES = [
  [],
  ['*://*/*'],
  ['<all_urls>'],
  ['http://*/*'],
  ['http://127.0.0.1/*'],
  ['*://example.com/*', 'http://localhost/*'],
  ['https://*.example.com/*'],
  ['http://[::1]/*'],
  ['*://[::1]/*', 'https://login.example.org/*'],
];

describe('webNavigation filters for site access', () => {
  it('let through exactly the navigations the background records', () => {
    for (const origins of ACCESSES) {
      const access = siteAccessOf(origins);
      const filters = navigationFilters(access);
      for (const url of URLS) {
        const passes = filters === undefined || browserMatches(filters, url);
        expect({ origins, url, passes }).toEqual({ origins, url, passes: navigationAllowed(access, url) });
      }
    }
  });

  it('has no filter for all sites and no listener when nothing is granted', () => {
    expect(navigationFilters(siteAccessOf(['*://*/*', 'http://127.0.0.1/*']))).toBeUndefined();
    expect(navigationFilters(siteAccessOf([]))).toEqual([]);
    expect(navigationFilters(siteAccessOf(['http://*/*']))).toEqual([]);
  });

  it('names each granted host, and pages that are no site', () => {
    expect(navigationFilters(siteAccessOf(['http://127.0.0.1/*', 'https://*.example.com/*']))).toEqual([
      { schemes: ['http'], hostEquals: '127.0.0.1' },
      { schemes: ['https'], hostEquals: 'example.com' },
      { schemes: ['https'], hostSuffix: '.example.com' },
      { urlMatches: NOT_A_SITE_URL },
    ]);
  });

  it('reads "not http(s)" the same as a JavaScript and an RE2 expression (no look-ahead)', () => {
    const re = new RegExp(NOT_A_SITE_URL);
    expect(['http://a/', 'https://a/', 'http:', 'https:'].filter((u) => re.test(u))).toEqual([]);
    expect(['about:blank', 'data:,', 'blob:http://a/1', 'httpx:', 'ftp://a/', 'h:'].every((u) => re.test(u))).toBe(true);
    expect(NOT_A_SITE_URL).not.toMatch(/\(\?[=!<]/);
  });
});
