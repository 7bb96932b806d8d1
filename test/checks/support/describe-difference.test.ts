import { describe, expect, it } from 'vitest';
import { describeDifference, describeDifferences } from '../../../lib/checks/support/describe-difference';

describe('describeDifference', () => {
  it('is null for identical values', () => {
    expect(describeDifference('https://app.example.com/cb', 'https://app.example.com/cb')).toBeNull();
  });

  it.each([
    ['https://app.example.com/callback/', 'https://app.example.com/callback', /trailing slash/],
    ['http://app.example.com/callback', 'https://app.example.com/callback', /^http vs https$/],
    ['http://localhost:3001/cb', 'http://localhost:3000/cb', /^port 3001 vs 3000$/],
    ['https://app.example.com/cb', 'https://app.example.com/callback', /^path \/cb vs \/callback$/],
    ['https://app.example.com/a%2Fcb', 'https://app.example.com/a/cb', /%2F encoding/],
    ['https%3A%2F%2Fapp.example.com%2Fcb', 'https://app.example.com/cb', /percent-encoded once more/],
    ['https://www.example.com/cb', 'https://example.com/cb', /host www\.example\.com vs example\.com/],
    ['https://App.example.com/cb', 'https://app.example.com/cb', /host case App\.example\.com vs app\.example\.com/],
    ['https://app.example.com/Callback', 'https://app.example.com/callback', /path case/],
    ['https://app.example.com:443/cb', 'https://app.example.com/cb', /default port written out \(443 vs none\)/],
    ['https://app.example.com/cb?x=1', 'https://app.example.com/cb', /query \?x=1 vs \(none\)/],
    ['https://app.example.com/cb ', 'https://app.example.com/cb', /whitespace/],
    ['com.example.app:/oauth', 'com.example.app:/oauth2', /path \/oauth vs \/oauth2/],
    ['abcdefXYZ', 'abcdefQRS', /differs from character 7/],
  ])('%s vs %s', (actual, expected, pattern) => {
    expect(describeDifference(actual, expected)).toMatch(pattern);
  });

  it('names several differences at once', () => {
    const found = describeDifferences('http://app.example.com:3000/cb/', 'https://app.example.com/cb');
    expect(found.map((d) => d.aspect)).toEqual(['scheme', 'port', 'path']);
  });
});
