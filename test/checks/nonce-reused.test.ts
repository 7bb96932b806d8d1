import { expect } from 'vitest';
import check from '../../lib/checks/nonce-reused';
import { describeCheck } from '../support/check-cases';
import { codeFlow, NONCE } from '../support/events';

const flowWith = (state: string, nonce: string, startTime: number) => codeFlow({ authorizeParams: { state, nonce }, startTime });

describeCheck(check, {
  fires: [
    {
      name: 'fixed nonce in three logins: reported on the two later ones',
      events: [...flowWith('s1-Aa1Bb2Cc3Dd4Ee5Ff', NONCE, 1_700_000_000_000), ...flowWith('s2-Aa1Bb2Cc3Dd4Ee5Ff', NONCE, 1_700_000_100_000), ...flowWith('s3-Aa1Bb2Cc3Dd4Ee5Ff', NONCE, 1_700_000_200_000)],
      expect: (f) => {
        expect(f).toHaveLength(2);
        expect(f[1]?.message).toContain('2 earlier');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'fresh nonces', events: [...flowWith('s1-Aa1Bb2Cc3Dd4Ee5Ff', 'nonce-Aa1Bb2Cc3Dd4Ee5', 1_700_000_000_000), ...flowWith('s2-Aa1Bb2Cc3Dd4Ee5Ff', 'nonce-Zz9Yy8Xx7Ww6Vv5', 1_700_000_100_000)] },
  ],
});
