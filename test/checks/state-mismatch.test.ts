import { expect } from 'vitest';
import check from '../../lib/checks/state-mismatch';
import { describeCheck } from '../support/check-cases';
import { codeFlow, STATE } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'callback brings a forged state',
      events: codeFlow({ callbackParams: { state: 'forged-state-value' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('forged-state-value');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'forged-state-value', expected: STATE });
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    {
      name: 'state belongs to another flow in the capture (not a mismatch of this one)',
      events: [
        ...codeFlow({ authorizeParams: { state: 'first-flow-state-aaaaaaaa' }, exchange: 'none', startTime: 1_700_000_000_000 }).slice(0, 3),
        ...codeFlow({ authorizeParams: { state: 'second-flow-state-bbbbbbb' }, startTime: 1_700_000_005_000 }),
      ],
    },
  ],
});
