import { expect } from 'vitest';
import check from '../../lib/checks/device-flow-polling';
import { describeCheck } from '../support/check-cases';
import { deviceFlow } from '../support/device-flow';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'polls every second against interval 5, slow_down ignored',
      events: deviceFlow({ polls: [{ at: 1, error: 'authorization_pending' }, { at: 2, error: 'slow_down' }, { at: 3, error: 'slow_down' }, { at: 4 }] }),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('4 of 4 polls came sooner than the interval (5 s, raised by 5 s per slow_down)');
        expect(f[0]?.message).toContain('slow_down 2 times');
      },
    },
    {
      name: 'keeps the old interval after slow_down',
      events: deviceFlow({ polls: [{ at: 5, error: 'slow_down' }, { at: 10, error: 'authorization_pending' }, { at: 15 }] }),
      expect: (f) => expect(f[0]?.message).toContain('2 of 3 polls came sooner'),
    },
    {
      name: 'keeps polling after expires_in',
      events: deviceFlow({ expiresIn: 12, polls: [{ at: 5, error: 'authorization_pending' }, { at: 10, error: 'authorization_pending' }, { at: 15, error: 'expired_token' }, { at: 20, error: 'expired_token' }] }),
      expect: (f) => expect(f[0]?.message).toContain('2 polls were sent after the device code expired (expires_in 12 s)'),
    },
    { name: 'no interval in the response: 5 s default applies', events: deviceFlow({ interval: null, polls: [{ at: 2, error: 'authorization_pending' }, { at: 4 }] }), expect: (f) => expect(f[0]?.message).toContain('the RFC 8628 default') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'polls at the interval, approved', events: deviceFlow({ polls: [{ at: 5, error: 'authorization_pending' }, { at: 10.2, error: 'authorization_pending' }, { at: 15.1 }] }) },
    { name: 'polls exactly at the interval', events: deviceFlow({ interval: 5, polls: [{ at: 5, error: 'authorization_pending' }, { at: 10 }] }) },
    { name: 'interval 1 honoured', events: deviceFlow({ interval: 1, polls: [{ at: 1, error: 'authorization_pending' }, { at: 2, error: 'authorization_pending' }, { at: 3 }] }) },
  ],
});
