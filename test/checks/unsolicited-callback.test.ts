import { expect } from 'vitest';
import check from '../../lib/checks/unsolicited-callback';
import { describeCheck } from '../support/check-cases';
import { APP, AS, chain, codeFlow, hop, REDIRECT_URI } from '../support/events';

const T = 1_700_000_000_000;

describeCheck(check, {
  fires: [
    {
      name: 'code delivered while capture was running and no request was recorded (login CSRF shape)',
      events: [
        hop({ url: `${APP}/`, time: T }),
        ...chain([
          { url: `${AS}/authorize/resume/xyz`, time: T + 5000 },
          { url: `${REDIRECT_URI}?code=attacker-code&state=attacker-state-123456`, time: T + 5050, status: 302, location: `${APP}/` },
        ]),
      ],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('attacker-state-123456');
      },
    },
    {
      name: 'the callback is the first captured event of the tab (capture started late)',
      events: [hop({ url: `${REDIRECT_URI}?code=abc&state=unknownstate123456`, time: T })],
      expect: (f) => expect(f[0]?.severity).toBe('info'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    {
      name: 'replayed callback of a recorded flow (reported by state-reused-across-flows)',
      events: [...codeFlow({ startTime: T }), hop({ url: `${REDIRECT_URI}?code=SplxlOBeZQQYbYS6WxSbIA&state=Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a`, time: T + 60_000 })],
    },
  ],
});
