import { SignJWT, UnsecuredJWT } from 'jose';
import { expect } from 'vitest';
import check from '../../lib/checks/id-token-alg-none';
import { describeCheck } from '../support/check-cases';
import { AS, CLIENT_ID, NONCE, codeFlow } from '../support/events';
import { NOW_S, SUB, oidcCodeFlow } from '../support/oidc';

const claims = { iss: AS, sub: SUB, aud: CLIENT_ID, nonce: NONCE, iat: NOW_S, exp: NOW_S + 3600 };
const unsigned = new UnsecuredJWT(claims).encode();
const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-client-secret-of-32-bytes-----'));

describeCheck(check, {
  fires: [
    { name: 'alg none', events: await oidcCodeFlow({ idToken: unsigned }), expect: (f) => expect(f[0]?.message).toContain('alg "none"') },
    {
      name: 'HS256 while discovery lists only RS256',
      events: await oidcCodeFlow({ idToken: hmac }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'HS256', expected: 'RS256' }),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'RS256 as advertised', events: await oidcCodeFlow() },
    { name: 'HS256 when discovery does not restrict algorithms', events: await oidcCodeFlow({ idToken: hmac, discovery: { id_token_signing_alg_values_supported: undefined } }) },
  ],
});
