import { expect } from 'vitest';
import check from '../../lib/checks/authorize-loop';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

const attempt = (i: number, startTime: number, tabId = 1, scope?: string) =>
  codeFlow({ authorizeParams: { state: `loop-${i}-Aa1Bb2Cc3Dd4Ee5Ff6`, ...(scope ? { scope } : {}) }, startTime, tabId });
const t0 = 1_700_000_000_000;

describeCheck(check, {
  fires: [
    {
      name: 'callback, then straight back to the authorization server, three times (reported once, on the last)',
      events: [...attempt(1, t0), ...attempt(2, t0 + 3_000), ...attempt(3, t0 + 6_000)],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('3 authorization requests for client "web-app" in one tab within 6 s');
        expect(f[0]?.message).toContain('new authorization request followed');
      },
    },
    {
      name: 'one callback immediately followed by a new authorization request',
      events: [...attempt(1, t0), ...attempt(2, t0 + 5_000)],
      expect: (f) => expect(f).toHaveLength(1),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'a second login an hour later', events: [...attempt(1, t0), ...attempt(2, t0 + 3_600_000)] },
    { name: 'two tabs logging in at once', events: [...attempt(1, t0, 1), ...attempt(2, t0 + 1_000, 2)] },
    { name: 'incremental consent for another scope right after login', events: [...attempt(1, t0), ...attempt(2, t0 + 4_000, 1, 'openid calendar.read')] },
  ],
});
