import { describe, expect, it } from 'vitest';
import { headerValue, headerValues, parseForm } from '../../lib/flow/params';

/** What parseForm gave before its plain-text path: URLSearchParams' pairs. */
const reference = (text: string) => [...new URLSearchParams(text)].map(([name, value]) => ({ name, value }));

describe('parseForm', () => {
  it('gives what URLSearchParams gives, on plain text and on text that needs decoding', () => {
    const cases = [
      '',
      '?',
      '??a=1',
      '?a=1&b=2',
      'a=1&&b=2&',
      '&&&',
      '=',
      '==x',
      'a==b=c',
      'a&b=&=c',
      'page=12',
      'code=abc&state=xyz&iss=https%3A%2F%2Fidp.example',
      'scope=openid+email',
      'name=h%C3%A9llo',
      'bad=%zz%',
      'x=héllo',
      'lone=\ud800',
      'a=1#frag',
      ' a = 1 ',
      'a=\u0000&b=\u007f',
    ];
    for (const text of cases) expect(parseForm(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('agrees with URLSearchParams on random strings over the characters that matter', () => {
    const alphabet = ['a', 'b', '=', '&', '?', '%', '2', '0', '+', ' ', 'é', '\ud83d\ude00', '\ud800', '#'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const length = next() % 12;
      for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
      expect(parseForm(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('headerValue', () => {
  const headers = [
    { name: 'Content-Type', value: 'a' },
    { name: 'content-type', value: 'b' },
    { name: 'X-Long-Header-Name', value: 'c' },
    // Lower-cases to 'i̇d' (3 code units) from 2: matched only through toLowerCase.
    { name: '\u0130d', value: 'd' },
    // KELVIN SIGN lower-cases to ASCII 'k'.
    { name: '\u212aey', value: 'e' },
  ];

  it('compares names as toLowerCase does, whatever their length', () => {
    expect(headerValue(headers, 'CONTENT-TYPE')).toBe('a');
    expect(headerValues(headers, 'content-type')).toEqual(['a', 'b']);
    expect(headerValue(headers, 'i\u0307d')).toBe('d');
    expect(headerValue(headers, 'key')).toBe('e');
    expect(headerValue(headers, 'x-long-header')).toBeNull();
    expect(headerValue(headers, 'content')).toBeNull();
    expect(headerValue(undefined, 'a')).toBeNull();
    for (const name of ['content-type', 'i\u0307d', 'key', 'x-long-header-name', 'nothing', 'İD']) {
      const lower = name.toLowerCase();
      expect(headerValues(headers, name)).toEqual(headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value));
    }
  });
});
