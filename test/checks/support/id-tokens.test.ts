import { describe, expect, it } from 'vitest';
import { hashForAlg } from '../../../lib/crypto/digest';
import { tokenWhere, type IdTokenSeen } from '../../../lib/checks/support/id-tokens';

describe('hashForAlg (OIDC-Core §3.1.3.6: the hash of the JWS alg)', () => {
  it.each([
    ['RS256', 'SHA-256'],
    ['PS384', 'SHA-384'],
    ['ES512', 'SHA-512'],
    ['HS256', 'SHA-256'],
    ['ES256K', 'SHA-256'],
    ['EdDSA', 'SHA-512'],
    ['none', null],
    [null, null],
  ] as const)('%s → %s', (alg, hash) => expect(hashForAlg(alg)).toBe(hash));
});

describe('tokenWhere', () => {
  it('starts a sentence or sits inside one', () => {
    const seen = { source: 'token' } as IdTokenSeen;
    expect(tokenWhere(seen)).toBe('The ID Token in the token response');
    expect(tokenWhere(seen, true)).toBe('the ID Token in the token response');
  });
});
