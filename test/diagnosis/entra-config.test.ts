import { describe, expect, it } from 'vitest';
import { CONFIG_SCAN_MAX_CHARS, entraConfigError, entraConfigErrorInHtml } from '../../lib/diagnosis/entra-config';
import { errorTextOfHtml, visibleText } from '../../lib/diagnosis/error-text';
import { matchProviderError } from '../../lib/diagnosis/match-provider-error';
import { ENTRA_50011, entraConfigPage } from '../support/entra-error-page';

describe("entraConfigError: the error of Entra's $Config script, read without running it", () => {
  it.each([
    ['the message and the code', `$Config={"iErrorCode":50011,"strServiceExceptionMessage":"AADSTS50011: The redirect URI"};`, 'AADSTS50011: The redirect URI'],
    ['escaped unicode and quotes decoded', `$Config={"strServiceExceptionMessage":"AADSTS50011: The redirect URI \\u0027https://a.example/cb\\u0027 said \\"no\\""};`, `AADSTS50011: The redirect URI 'https://a.example/cb' said "no"`],
    ['the code alone', `$Config={"iErrorCode":700016};`, 'AADSTS700016'],
    ['a message without a code number gets the code in front', `$Config={"sErrorCode":"90072","strServiceExceptionMessage":"User account does not exist"};`, 'AADSTS90072: User account does not exist'],
    ['var and window. forms', `var $Config = {"iErrorCode":50011}; window.$Config={"iErrorCode":1}`, 'AADSTS50011'],
    ['the first assignment with an error wins', `$Config={"fShowButtons":true};\n$Config={"iErrorCode":50011};`, 'AADSTS50011'],
  ])('%s', (_name, script, want) => expect(entraConfigError(script)).toBe(want));

  it.each([
    ['no $Config', 'var x = {"iErrorCode":50011};'],
    ['a $Config without an error', '$Config={"fShowButtons":true,"urlCdn":"https://aadcdn.msauth.net/"};'],
    ['an assignment inside a block comment', '/* $Config={"iErrorCode":50011}; */ var y=1;'],
    ['an assignment inside a line comment', '// $Config={"iErrorCode":50011};'],
    ['the members nested deeper than the top level', '$Config={"oAppCobranding":{"iErrorCode":50011,"strServiceExceptionMessage":"AADSTS50011: nested"}};'],
    ['a code that is not a number', '$Config={"iErrorCode":"50011; alert(1)"};'],
    ['an unterminated string', '$Config={"strServiceExceptionMessage":"AADSTS50011: never ends'],
    ['not JSON after the brace', '$Config={get x(){return 1}};'],
  ])('silent: %s', (_name, script) => expect(entraConfigError(script)).toBeNull());

  it('hostile sizes: a 5 MB script is read only up to the bound, and a huge message is never kept', () => {
    const late = `$Config={"pad":"${'x'.repeat(CONFIG_SCAN_MAX_CHARS)}","iErrorCode":50011};`;
    expect(entraConfigError(late)).toBeNull();
    const early = `$Config={"iErrorCode":50011,"pad":"${'x'.repeat(5 * 1024 * 1024)}"};`;
    expect(entraConfigError(early)).toBe('AADSTS50011');
    expect(entraConfigError(`$Config={"strServiceExceptionMessage":"AADSTS50011: ${'y'.repeat(100_000)}"};`)).toBeNull();
    const many = `${'$Config={};'.repeat(10_000)}$Config={"iErrorCode":50011};`;
    expect(entraConfigError(many)).toBeNull();
  });
});

describe('entraConfigErrorInHtml and errorTextOfHtml: a whole page', () => {
  it("reads the hand-built Entra error page: the code is in no visible text, only in $Config", () => {
    const html = entraConfigPage();
    expect(matchProviderError(visibleText(html))).toEqual([]);
    expect(entraConfigErrorInHtml(html)).toBe(ENTRA_50011);
    const text = errorTextOfHtml(html);
    expect(text.startsWith(ENTRA_50011)).toBe(true);
    expect(matchProviderError(text).map((m) => m.code)).toEqual(['AADSTS50011']);
  });

  it('skips scripts with a src, and says nothing for pages without $Config', () => {
    expect(entraConfigErrorInHtml('<script src="x.js">$Config={"iErrorCode":50011};</script>')).toBeNull();
    expect(entraConfigErrorInHtml('<html><body><p>AADSTS50011 in text</p></body></html>')).toBeNull();
    expect(errorTextOfHtml('<html><body><p>plain</p></body></html>')).toBe('plain');
  });
});
