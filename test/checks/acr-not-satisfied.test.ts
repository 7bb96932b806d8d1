import { expect } from 'vitest';
import check from '../../lib/checks/acr-not-satisfied';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { oidcCodeFlow, signIdToken } from '../support/oidc';

const MFA = 'http://schemas.openid.net/pape/policies/2007/06/multi-factor';

describeCheck(check, {
  fires: [
    {
      name: 'MFA requested, password-only acr returned',
      events: await oidcCodeFlow({ authorizeParams: { acr_values: MFA }, idToken: await signIdToken({ claims: { acr: 'urn:pwd' } }) }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'urn:pwd', expected: MFA });
      },
    },
    { name: 'acr missing', events: await oidcCodeFlow({ authorizeParams: { acr_values: MFA } }) },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'one of the requested values', events: await oidcCodeFlow({ authorizeParams: { acr_values: `urn:hw ${MFA}` }, idToken: await signIdToken({ claims: { acr: MFA } }) }) },
  ],
});
