import { describe, expect, it } from 'vitest';
import { accessAllows, ALL_SITES, navigationAllowed, patternAllows, requestFilterUrls, siteAccessOf, siteLabel, sitePattern } from '../../lib/site-access/patterns';

describe('site patterns', () => {
  it('turns pages and origins into port-less host patterns, http(s) only', () => {
    expect(sitePattern('http://127.0.0.1:8080/cb?code=1')).toBe('http://127.0.0.1/*');
    expect(sitePattern('HTTPS://User:pw@Login.Example.COM/authorize')).toBe('https://login.example.com/*');
    expect(sitePattern('http://[::1]:3000/')).toBe('http://[::1]/*');
    expect(sitePattern('file:///etc/passwd')).toBeNull();
    expect(sitePattern('chrome-extension://abc/options.html')).toBeNull();
    expect(sitePattern('not a url')).toBeNull();
    expect(siteLabel('http://127.0.0.1:8080/cb')).toBe('http://127.0.0.1:8080');
  });

  it('matches the shapes it grants, and nothing next to them', () => {
    const site = 'http://127.0.0.1/*';
    expect(patternAllows(site, 'http://127.0.0.1:4000/auth')).toBe(true);
    expect(patternAllows(site, 'https://127.0.0.1/auth')).toBe(false);
    expect(patternAllows(site, 'http://localhost:4000/auth')).toBe(false);
    expect(patternAllows(site, 'http://127.0.0.10/')).toBe(false);
    expect(patternAllows('*://example.com/*', 'https://example.com/')).toBe(true);
    expect(patternAllows('https://*.example.com/*', 'https://login.example.com/x')).toBe(true);
    expect(patternAllows('https://*.example.com/*', 'https://example.com/x')).toBe(true);
    expect(patternAllows('https://*.example.com/*', 'https://badexample.com/x')).toBe(false);
    expect(patternAllows(ALL_SITES, 'https://any.where/')).toBe(true);
    expect(patternAllows(ALL_SITES, 'ftp://any.where/')).toBe(false);
    expect(patternAllows('https://*/*', 'http://a/')).toBe(false);
    expect(patternAllows('garbage', 'http://a/')).toBe(false);
  });

  it('reads the granted origins of permissions.getAll', () => {
    expect(siteAccessOf(undefined)).toEqual({ allSites: false, sites: [] });
    expect(siteAccessOf([ALL_SITES, 'http://127.0.0.1/*'])).toEqual({ allSites: true, sites: ['http://127.0.0.1/*'] });
    expect(siteAccessOf(['<all_urls>']).allSites).toBe(true);
    expect(siteAccessOf(['http://*/*']).allSites).toBe(false);
    expect(siteAccessOf(['http://*/*', 'https://*/*']).allSites).toBe(true);
    expect(siteAccessOf(['https://b/*', 'http://a/*', 'http://a/*']).sites).toEqual(['http://a/*', 'https://b/*']);
  });

  it('allows requests only on granted sites, and filters webRequest to them', () => {
    const some = siteAccessOf(['http://127.0.0.1/*']);
    expect(accessAllows(some, 'http://127.0.0.1:9000/x')).toBe(true);
    expect(accessAllows(some, 'http://localhost:9000/x')).toBe(false);
    expect(requestFilterUrls(some)).toEqual(['http://127.0.0.1/*']);
    expect(requestFilterUrls(siteAccessOf([ALL_SITES]))).toEqual([ALL_SITES]);
    expect(requestFilterUrls(siteAccessOf([]))).toEqual([]);
    expect(accessAllows(siteAccessOf([]), 'http://127.0.0.1/')).toBe(false);
  });

  it('records navigations to pages that are no site (a popup opened as about:blank) once any site is granted', () => {
    const some = siteAccessOf(['http://127.0.0.1/*']);
    expect(navigationAllowed(some, 'about:blank')).toBe(true);
    expect(navigationAllowed(siteAccessOf([ALL_SITES]), 'about:blank')).toBe(true);
    expect(navigationAllowed(siteAccessOf([]), 'about:blank')).toBe(false);
    expect(navigationAllowed(some, 'http://127.0.0.1:3000/cb')).toBe(true);
    expect(navigationAllowed(some, 'http://localhost:3000/cb')).toBe(false);
  });
});
