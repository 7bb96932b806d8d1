import { expect } from 'vitest';
import check from '../../lib/checks/id-token-aud-mismatch';
import { describeCheck } from '../support/check-cases';
import { CLIENT_ID, codeFlow } from '../support/events';
import { oidcCodeFlow, signIdToken } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'token issued to another client',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { aud: 'admin-portal' } }) }),
      expect: (f) => expect(f[0]?.message).toContain(`"admin-portal"`),
    },
    {
      name: 'several audiences, no azp',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { aud: [CLIENT_ID, 'api://orders'] } }) }),
      expect: (f) => expect(f[0]?.message).toContain('no azp'),
    },
    {
      name: 'azp names another party',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { aud: [CLIENT_ID, 'api://orders'], azp: 'api://orders' } }) }),
      expect: (f) => expect(f[0]?.message).toContain('azp "api://orders"'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'several audiences with azp = client_id', events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { aud: [CLIENT_ID, 'api://orders'], azp: CLIENT_ID } }) }) },
  ],
});
