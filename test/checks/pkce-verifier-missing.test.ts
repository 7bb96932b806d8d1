import { expect } from 'vitest';
import check from '../../lib/checks/pkce-verifier-missing';
import { describeCheck } from '../support/check-cases';
import { CHALLENGE, codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'token request without code_verifier',
      events: codeFlow({ exchange: 'browser', tokenForm: { code_verifier: null } }),
      expect: (f) => expect(f[0]?.message).toContain(CHALLENGE),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'verifier sent', events: codeFlow({ exchange: 'browser' }) },
    { name: 'no challenge was sent', events: codeFlow({ exchange: 'browser', authorizeParams: { code_challenge: null, code_challenge_method: null }, tokenForm: { code_verifier: null } }) },
  ],
});
