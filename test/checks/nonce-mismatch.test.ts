import { expect } from 'vitest';
import check from '../../lib/checks/nonce-mismatch';
import { describeCheck } from '../support/check-cases';
import { NONCE, codeFlow } from '../support/events';
import { oidcCodeFlow, signIdToken } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'nonce of another transaction',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { nonce: 'n-other-tab-1234' } }) }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'n-other-tab-1234', expected: NONCE }),
    },
    {
      name: 'nonce sent, none in the token',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { nonce: null } }) }),
      expect: (f) => expect(f[0]?.message).toContain('has no nonce claim'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'no nonce sent, none returned', events: await oidcCodeFlow({ authorizeParams: { nonce: null }, idToken: await signIdToken({ claims: { nonce: null } }) }) },
  ],
});
