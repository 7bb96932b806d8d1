import { expect } from 'vitest';
import check from '../../lib/checks/state-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'no state but PKCE: warning',
      events: codeFlow({ authorizeParams: { state: null }, callbackParams: { state: null } }),
      expect: (f) => expect(f[0]?.severity).toBe('warning'),
    },
    {
      name: 'no state, no PKCE, no nonce: error',
      events: codeFlow({ authorizeParams: { state: null, nonce: null, code_challenge: null, code_challenge_method: null }, callbackParams: { state: null } }),
      expect: (f) => expect(f[0]?.severity).toBe('error'),
    },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }],
});
