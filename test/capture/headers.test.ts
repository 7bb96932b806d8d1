import { describe, expect, it } from 'vitest';
import { selectHeaders } from '../../lib/capture/headers';
import type { HttpHeader } from '../../lib/capture/details';

/** lib/capture/headers.ts: which headers are kept, and how Firefox's joined Set-Cookie is split. */
const h = (name: string, value: string): HttpHeader => ({ name, value });

describe('selectHeaders', () => {
  it('keeps OAuth evidence headers in wire order and drops the rest', () => {
    const kept = selectHeaders([h('Content-Type', 'application/json'), h('X-Powered-By', 'Express'), h('Location', '/cb'), h('Sec-Fetch-Site', 'cross-site')]);
    expect(kept).toEqual([h('Content-Type', 'application/json'), h('Location', '/cb'), h('Sec-Fetch-Site', 'cross-site')]);
  });

  it('splits the Set-Cookie entry Firefox joins with newlines into one header per cookie', () => {
    const kept = selectHeaders([
      h('Set-Cookie', '_interaction=a1; path=/interaction/x; httponly; samesite=lax\n_interaction.sig=b2; path=/interaction/x; httponly; samesite=lax'),
      h('Location', '/interaction/x'),
    ]);
    expect(kept).toEqual([
      h('Set-Cookie', '_interaction=a1; path=/interaction/x; httponly; samesite=lax'),
      h('Set-Cookie', '_interaction.sig=b2; path=/interaction/x; httponly; samesite=lax'),
      h('Location', '/interaction/x'),
    ]);
  });

  it('accepts CRLF and drops empty lines; Chrome-style separate entries stay as they are', () => {
    expect(selectHeaders([h('set-cookie', 'a=1\r\n\r\nb=2\r')])).toEqual([h('set-cookie', 'a=1'), h('set-cookie', 'b=2')]);
    const separate = [h('Set-Cookie', 'a=1; SameSite=None; Secure'), h('Set-Cookie', 'b=2')];
    expect(selectHeaders(separate)).toEqual(separate);
  });

  it('never splits other headers (a Cookie request header is one line anyway)', () => {
    expect(selectHeaders([h('Cookie', 'a=1; b=2'), h('WWW-Authenticate', 'Bearer error="invalid_token"')])).toEqual([h('Cookie', 'a=1; b=2'), h('WWW-Authenticate', 'Bearer error="invalid_token"')]);
  });

  it('decodes a binary value as Latin-1 before splitting', () => {
    const bytes = Array.from('a=\u00e9\nb=2', (c) => c.charCodeAt(0));
    expect(selectHeaders([{ name: 'Set-Cookie', binaryValue: bytes }])).toEqual([h('Set-Cookie', 'a=\u00e9'), h('Set-Cookie', 'b=2')]);
  });

  it('is undefined when the browser gave no headers', () => {
    expect(selectHeaders(undefined)).toBeUndefined();
  });
});
