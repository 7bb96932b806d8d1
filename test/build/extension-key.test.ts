import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../build/extension-key';

/** Chromium's rule: SHA-256 of the DER SubjectPublicKeyInfo, first 32 hex digits, 0-f written a-p. */
function chromeIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

describe('fixed extension key', () => {
  it('is an RSA public key of at least 2048 bits (and only the public half)', () => {
    const key = createPublicKey({ key: Buffer.from(EXTENSION_PUBLIC_KEY, 'base64'), format: 'der', type: 'spki' });
    expect(key.type).toBe('public');
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBeGreaterThanOrEqual(2048);
  });

  it('gives the extension id the share links use', () => {
    expect(chromeIdOf(EXTENSION_PUBLIC_KEY)).toBe(EXTENSION_ID);
    // The rule itself, on a second key: another key, another id of the same form.
    const other = chromeIdOf(Buffer.from('not the same key').toString('base64'));
    expect(other).toMatch(/^[a-p]{32}$/);
    expect(other).not.toBe(EXTENSION_ID);
  });
});
