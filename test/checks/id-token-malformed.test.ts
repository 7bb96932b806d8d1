import { expect } from 'vitest';
import check from '../../lib/checks/id-token-malformed';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { oidcCodeFlow, signIdToken } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'opaque token in id_token',
      events: await oidcCodeFlow({ idToken: 'f3a9c0e1-opaque-token' }),
      expect: (f) => expect(f[0]?.message).toContain('1 dot-separated part'),
    },
    {
      name: 'payload lacks sub and exp',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { sub: null, exp: null } }) }),
      expect: (f) => {
        expect(f[0]?.message).toContain('sub is missing');
        expect(f[0]?.message).toContain('exp is missing');
        expect(f[0]?.message).not.toContain('iss is');
      },
    },
    {
      name: 'exp as a string',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { exp: '1700003600' } }) }),
      expect: (f) => expect(f[0]?.message).toContain('exp is "1700003600", not a number'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
  ],
});
