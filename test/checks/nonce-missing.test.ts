import { expect } from 'vitest';
import check from '../../lib/checks/nonce-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { implicitFlow } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    { name: 'implicit id_token without nonce: error', events: implicitFlow({ authorizeParams: { nonce: null } }), expect: (f) => expect(f[0]?.severity).toBe('error') },
    {
      name: 'OIDC code flow with neither nonce nor PKCE: warning',
      events: codeFlow({ authorizeParams: { nonce: null, code_challenge: null, code_challenge_method: null } }),
      expect: (f) => expect(f[0]?.severity).toBe('warning'),
    },
    { name: 'OIDC code flow with PKCE but no nonce: info', events: codeFlow({ authorizeParams: { nonce: null } }), expect: (f) => expect(f[0]?.severity).toBe('info') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'plain OAuth (no openid scope)', events: codeFlow({ authorizeParams: { nonce: null, scope: 'read:orders' } }) },
  ],
});
