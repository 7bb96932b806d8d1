import { expect } from 'vitest';
import check from '../../lib/checks/token-response-incomplete';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { oidcCodeFlow } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'OIDC code flow without id_token, openid not granted',
      events: await oidcCodeFlow({ idToken: null, response: { scope: 'profile email' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('no id_token');
        expect(f[0]?.message).toContain('lacks openid');
      },
    },
    {
      name: 'HTTP 200 without token_type',
      events: await oidcCodeFlow({ response: { token_type: undefined } }),
      expect: (f) => expect(f[0]?.message).toContain('no token_type'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'plain OAuth flow without openid', events: codeFlow({ exchange: 'browser', authorizeParams: { scope: 'read write', nonce: null } }) },
  ],
});
