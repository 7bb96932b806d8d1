import { expect } from 'vitest';
import check from '../../lib/checks/pkce-downgrade-accepted';
import { describeCheck } from '../support/check-cases';
import { VERIFIER, codeFlow } from '../support/events';

const noChallenge = { code_challenge: null, code_challenge_method: null };

describeCheck(check, {
  fires: [
    {
      name: 'verifier without challenge, tokens issued',
      events: codeFlow({ exchange: 'browser', authorizeParams: noChallenge }),
      expect: (f) => expect(f[0]?.message).toContain(VERIFIER),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'challenge and verifier', events: codeFlow({ exchange: 'browser' }) },
    { name: 'server refused the verifier', events: codeFlow({ exchange: 'browser', authorizeParams: noChallenge, tokenStatus: 400, tokenResponse: { error: 'invalid_grant' } }) },
  ],
});
