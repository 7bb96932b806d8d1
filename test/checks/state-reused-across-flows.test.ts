import { expect } from 'vitest';
import check from '../../lib/checks/state-reused-across-flows';
import { describeCheck } from '../support/check-cases';
import { codeFlow, CODE, hop, REDIRECT_URI, STATE } from '../support/events';

const T = 1_700_000_000_000;

describeCheck(check, {
  fires: [
    {
      name: 'two authorization requests with the same static state',
      events: [...codeFlow({ tabId: 1, startTime: T }), ...codeFlow({ tabId: 2, startTime: T + 60_000 })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain(STATE);
        expect(f[0]?.message).toContain('f1');
      },
    },
    {
      name: 'a reloaded callback brings the consumed state again',
      events: [...codeFlow({ startTime: T }), hop({ url: `${REDIRECT_URI}?code=${CODE}&state=${STATE}`, time: T + 60_000 })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('earlier callback');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    {
      name: 'two flows with fresh states',
      events: [
        ...codeFlow({ tabId: 1, startTime: T, authorizeParams: { state: 'state-one-aaaaaaaaaaaa' } }),
        ...codeFlow({ tabId: 2, startTime: T + 60_000, authorizeParams: { state: 'state-two-bbbbbbbbbbbb' } }),
      ],
    },
  ],
});
