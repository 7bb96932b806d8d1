import { expect } from 'vitest';
import check from '../../lib/checks/id-token-kid-unknown';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { KID, oidcCodeFlow, signIdToken } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'rotated key, stale JWKS',
      events: await oidcCodeFlow({ idToken: await signIdToken({ header: { kid: 'rsa-2024-07' } }) }),
      expect: (f) => {
        expect(f[0]?.message).toContain('"rsa-2024-07"');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'rsa-2024-07', expected: KID });
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'unknown kid but no JWKS captured', events: await oidcCodeFlow({ jwks: false, idToken: await signIdToken({ header: { kid: 'rsa-2024-07' } }) }) },
  ],
});
