import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwtSafe } from '../../lib/jwt/decode';

const { privateKey } = await generateKeyPair('RS256');
const signed = await new SignJWT({ sub: 'alice', nonce: 'n' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer('https://idp').sign(privateKey);

describe('decodeJwtSafe', () => {
  it('decodes header and payload of a JWS without validating it', () => {
    const r = decodeJwtSafe(signed);
    expect(r).toMatchObject({ ok: true, kind: 'jws', header: { alg: 'RS256', kid: 'k1' }, payload: { sub: 'alice', iss: 'https://idp' } });
    // A broken signature still decodes: decode is not verify.
    expect(decodeJwtSafe(`${signed.slice(0, -4)}AAAA`).ok).toBe(true);
  });

  it('decodes alg none', () => {
    expect(decodeJwtSafe(new UnsecuredJWT({ sub: 'x' }).encode())).toMatchObject({ ok: true, header: { alg: 'none' } });
  });

  it('returns typed errors instead of throwing', () => {
    expect(decodeJwtSafe('opaque-access-token')).toMatchObject({ ok: false, code: 'wrong-part-count', parts: 1 });
    expect(decodeJwtSafe(42)).toMatchObject({ ok: false, code: 'not-a-string' });
    expect(decodeJwtSafe('a+b.c.d')).toMatchObject({ ok: false, code: 'bad-base64url' });
    expect(decodeJwtSafe('eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2ln')).toMatchObject({ ok: false, code: 'bad-payload' });
    expect(decodeJwtSafe('bm90LWpzb24.e30.c2ln')).toMatchObject({ ok: false, code: 'bad-header' });
  });

  it('reads only the header of a JWE', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM' })).toString('base64url');
    expect(decodeJwtSafe(`${header}.a.b.c.d`)).toMatchObject({ ok: true, kind: 'jwe', payload: null, header: { enc: 'A256GCM' } });
  });
});
