import { expect } from 'vitest';
import check from '../../lib/checks/pkce-challenge-reused';
import { describeCheck } from '../support/check-cases';
import { CHALLENGE, codeFlow } from '../support/events';

const first = codeFlow({ authorizeParams: { state: 'first-state-Aa1Bb2Cc3Dd4Ee5' }, startTime: 1_700_000_000_000 });
const second = (challenge: string) => codeFlow({ authorizeParams: { state: 'second-state-Ff6Gg7Hh8Ii9Jj0', code_challenge: challenge }, startTime: 1_700_000_030_000 });

describeCheck(check, {
  fires: [
    {
      name: 'same challenge in two logins, reported on the later one only',
      events: [...first, ...second(CHALLENGE)],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('flow f1');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'fresh challenge per login', events: [...first, ...second('Xq3kLmN0pQrStUvWxYz_aBcDeFgHiJkLmNoPqRsTuVw')] },
  ],
});
