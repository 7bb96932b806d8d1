import { expect } from 'vitest';
import check from '../../lib/checks/state-missing-in-response';
import { describeCheck } from '../support/check-cases';
import { codeFlow, STATE } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'success callback drops state',
      events: codeFlow({ callbackParams: { state: null } }),
      expect: (f) => {
        expect(f[0]?.message).toContain(STATE);
        expect(f[0]?.evidence[0]).toMatchObject({ value: '(absent)', expected: STATE });
      },
    },
    {
      name: 'error callback drops state',
      events: codeFlow({ callbackParams: { state: null, code: null, error: 'access_denied' } }),
      expect: (f) => expect(f[0]?.message).toContain('error=access_denied'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'request had no state either', events: codeFlow({ authorizeParams: { state: null }, callbackParams: { state: null } }) },
    { name: 'state present but different (state-mismatch, not this check)', events: codeFlow({ callbackParams: { state: 'other-value-123456789' } }) },
  ],
});
