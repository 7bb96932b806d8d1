import { expect } from 'vitest';
import check from '../../lib/checks/id-token-expired';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { NOW_S, oidcCodeFlow, signIdToken } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'expired 10 minutes before receipt',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { iat: NOW_S - 4200, exp: NOW_S - 600 } }) }),
      expect: (f) => expect(f[0]?.message).toMatch(/60[0-2] s before it was received/),
    },
    {
      name: 'a smaller configured skew',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { exp: NOW_S - 60 } }) }),
      options: { skewSeconds: 10 },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'expired 60 s ago, within the 120 s skew', events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { exp: NOW_S - 60 } }) }) },
  ],
});
