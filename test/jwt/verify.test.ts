import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyJws } from '../../lib/jwt/verify';

const rsa = await generateKeyPair('RS256');
const other = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
const otherJwk = { ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'RS256' };
const token = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(rsa.privateKey);

describe('verifyJws', () => {
  it('accepts a signature made by the published key', async () => {
    expect(await verifyJws(token, [jwk])).toBe('valid');
  });
  it('rejects a signature from a different key with the same kid', async () => {
    expect(await verifyJws(token, [otherJwk])).toBe('invalid');
  });
  it('rejects a tampered payload', async () => {
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'mallory' })).toString('base64url')}.${s}`;
    expect(await verifyJws(forged, [jwk])).toBe('invalid');
  });
  it('says when no key has that kid', async () => {
    expect(await verifyJws(token, [{ ...jwk, kid: 'other' }])).toBe('no-matching-key');
  });
  it('does not try to verify alg none or HMAC', async () => {
    expect(await verifyJws(new UnsecuredJWT({ sub: 'x' }).encode(), [jwk])).toBe('unsupported-alg');
    const hs = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(await verifyJws(hs, [jwk])).toBe('unsupported-alg');
  });
});
