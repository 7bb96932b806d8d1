import { expect } from 'vitest';
import check from '../../lib/checks/error-response-device-flow';
import { describeCheck } from '../support/check-cases';
import { deviceFlow } from '../support/device-flow';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'authorization_pending three times, then tokens: one info finding',
      events: deviceFlow({ polls: [{ at: 5, error: 'authorization_pending' }, { at: 10, error: 'authorization_pending' }, { at: 15, error: 'authorization_pending' }, { at: 20 }] }),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('authorization_pending 3 times');
      },
    },
    {
      name: 'slow_down is a warning, expired_token an error',
      events: deviceFlow({ polls: [{ at: 1, error: 'slow_down' }, { at: 11, error: 'expired_token', description: 'AADSTS70019: Verification code expired.' }] }),
      expect: (f) => {
        expect(f.map((x) => x.severity).sort()).toEqual(['error', 'warning']);
        expect(f.find((x) => x.severity === 'error')?.message).toContain('AADSTS70019 (Microsoft Entra): the verification code has expired');
      },
    },
    { name: 'user refused', events: deviceFlow({ polls: [{ at: 5, error: 'access_denied' }] }), expect: (f) => expect(f[0]?.severity).toBe('info') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'device flow approved at the first poll', events: deviceFlow({ polls: [{ at: 5 }] }) },
  ],
});
