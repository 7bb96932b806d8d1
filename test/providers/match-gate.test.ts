import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesProviderPattern, providerOfUrl, providerRole } from '../../lib/providers/match';
import { PROVIDER_PROFILES } from '../../lib/providers/profiles';
import { requiredLiteral } from '../../lib/providers/required-literal';
import { PROVIDER_LOGINS } from '../support/provider-logins';

// lib/providers/match.ts rejects a URL without trying any shape when it contains none of the
// shapes' required texts. That is only sound if every URL a shape matches contains its text.

// `site` shapes (whole provider hosts) only name the provider of an error text: the capture and the gate never use them.
const SOURCES = PROVIDER_PROFILES.flatMap((p) => [...p.urls, ...(p.customDomainUrls ?? [])])
  .filter(([role]) => role !== 'site')
  .map(([, source]) => source);

describe('requiredLiteral', () => {
  it.each([
    ['^https://accounts\\.google\\.com/o/oauth2/auth(?:[?#]|$)', 'https://accounts.google.com/o/oauth2/auth'],
    ['^https://[^/]+/u/login', '/u/login'],
    ['^https?://[^/]+/xyzw', '/xyzw'],
    ['/oauth2/(?:[^/?#]+/)?v1/authorize(?:[?#]|$)', 'v1/authorize'],
    ['/as/par(?:\\.oauth2)?(?:[?#]|$)', '/as/par'],
    ['^https://login\\.microsoftonline\\.com/error\\?code=\\d+', 'https://login.microsoftonline.com/error?code='],
    ['^https://[^/]+\\.(?:[a-z]{2}\\.)?auth0\\.com/authorize', 'auth0.com/authorize'],
    ['abcd{2}ef', 'abc'],
    ['abcde*f', 'abcd'],
    ['abc+defg', 'defg'],
    ['x(?:a|b)yz', 'yz'],
    ['a[/|(]bcd', 'bcd'],
  ])('%s needs %s', (source, literal) => {
    expect(requiredLiteral(source)).toBe(literal);
  });

  it.each([['a|b'], ['(?:a)'], ['[abc]'], ['.*'], ['abc|defgh']])('%s needs no single text', (source) => {
    expect(requiredLiteral(source)).toBeNull();
  });

  it('finds a text for every provider shape (or the gate would let everything through)', () => {
    expect(SOURCES.filter((s) => requiredLiteral(s) === null)).toEqual([]);
  });

  it('finds more than a scheme for every provider shape (a shape needing only "https://" lets every URL through the gate)', () => {
    // A broker-callback shape with a host alternation once left the gate only "https://": every
    // URL of a HAR then ran the whole alternation (bench/analyze.ts).
    expect(SOURCES.filter((s) => (requiredLiteral(s) ?? '').replace(/^https?:\/\/$/, '').length < 5)).toEqual([]);
  });
});

/** URLs built around the shapes' own texts (so many match some shape), with hosts and path pieces around them. */
const LITERALS = SOURCES.map((s) => requiredLiteral(s) ?? '');
const PIECES = ['v1', 'v2.0', 'realms', 'demo', 'protocol', 'openid-connect', 'oauth2', 'default', 'common', 'auth', '.well-known', 'x'];
const HOSTS = ['login.microsoftonline.com', 'acme.okta.com', 'acme.b2clogin.com', 'acme.eu.auth0.com', 'kc.example', 'accounts.google.com', 'x.auth.eu-west-1.amazoncognito.com', 'acme.my.salesforce.com', 'www.facebook.com', 'app.example.com'];
const urls = fc
  .record({
    scheme: fc.constantFrom('https://', 'http://'),
    host: fc.constantFrom(...HOSTS),
    before: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }),
    literal: fc.constantFrom(...LITERALS),
    after: fc.array(fc.constantFrom(...PIECES), { maxLength: 2 }),
    tail: fc.constantFrom('', '?a=1', '#f', '/', '?error=x&code=1', 'x'),
  })
  .map(({ scheme, host, before, literal, after, tail }) => {
    const rest = `${after.length ? `/${after.join('/')}` : ''}${tail}`;
    if (literal.startsWith('http')) return `${literal}${rest}`;
    return `${scheme}${host}/${before.map((p) => `${p}/`).join('')}${literal.replace(/^\//, '')}${rest}`;
  });

describe('the provider-shape gate', () => {
  const shapes = SOURCES.map((source) => ({ pattern: new RegExp(source), literal: requiredLiteral(source)! }));
  const ungatedCapture = new RegExp(SOURCES.map((s) => `(?:${s})`).join('|'));

  it('every URL a shape matches contains its required text', () => {
    let matched = 0;
    fc.assert(
      fc.property(urls, (url) => {
        for (const { pattern, literal } of shapes) {
          if (!pattern.test(url)) continue;
          matched++;
          expect(url).toContain(literal);
        }
        expect(matchesProviderPattern(url)).toBe(ungatedCapture.test(url));
      }),
      { numRuns: 2000 },
    );
    // The generator reaches the shapes (else the property above says nothing).
    expect(matched).toBeGreaterThan(150);
  });

  it('answers as the shapes do on the hand-built provider logins', () => {
    const all = PROVIDER_LOGINS.flatMap((l) => l.events.map((e) => e.url));
    const withShape = all.filter((url) => ungatedCapture.test(url));
    expect(withShape.length).toBeGreaterThan(PROVIDER_PROFILES.length);
    for (const url of all) expect(matchesProviderPattern(url)).toBe(ungatedCapture.test(url));
    expect(withShape.filter((url) => providerOfUrl(url) !== null && providerRole(url) !== null).length).toBeGreaterThan(0);
  });
});
