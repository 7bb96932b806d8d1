import { expect } from 'vitest';
import check from '../../lib/checks/end-session-state-mismatch';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { LOGOUT_STATE, logoutFlow } from '../support/logout';

describeCheck(check, {
  fires: [
    {
      name: 'another state comes back',
      events: logoutFlow({ back: { query: 'state=other-tab-state-000' } }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'other-tab-state-000', expected: LOGOUT_STATE }),
    },
    { name: 'state dropped by the server', events: logoutFlow({ back: { query: '' } }), expect: (f) => expect(f[0]?.message).toContain('carries no state') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean logout', events: logoutFlow() },
    { name: 'no state sent', events: logoutFlow({ params: { state: null }, back: { query: '' } }) },
    { name: 'no return seen (another check)', events: logoutFlow({ back: { stayStatus: 400 } }) },
  ],
});
