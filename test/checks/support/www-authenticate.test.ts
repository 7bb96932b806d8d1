import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengesOf, parseWwwAuthenticate } from '../../../lib/checks/support/www-authenticate';

describe('parseWwwAuthenticate', () => {
  it('reads RFC 6750 §3 Bearer challenges with quoted values', () => {
    expect(parseWwwAuthenticate('Bearer realm="example", error="invalid_token", error_description="The access token expired"')).toEqual([
      { scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' } },
    ]);
  });

  it('splits several challenges in one header (RFC 9449 §7.1: Bearer and DPoP side by side)', () => {
    const [bearer, dpop] = parseWwwAuthenticate('Bearer realm="api", DPoP algs="ES256 PS256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"');
    expect(bearer).toEqual({ scheme: 'Bearer', params: { realm: 'api' } });
    expect(dpop?.scheme).toBe('DPoP');
    expect(dpop?.params).toMatchObject({ algs: 'ES256 PS256', error: 'use_dpop_nonce' });
  });

  it('unescapes quoted-pairs, keeps commas inside quotes, lower-cases parameter names', () => {
    expect(parseWwwAuthenticate('Bearer ERROR="invalid_token", error_description="a \\"quoted\\", b"')[0]?.params).toEqual({ error: 'invalid_token', error_description: 'a "quoted", b' });
  });

  it('reads unquoted token values and several header values', () => {
    expect(challengesOf(['Basic realm=x', 'Bearer error=insufficient_scope']).map((c) => c.params.error ?? c.scheme)).toEqual(['Basic', 'insufficient_scope']);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => Array.isArray(parseWwwAuthenticate(s))));
  });
});
