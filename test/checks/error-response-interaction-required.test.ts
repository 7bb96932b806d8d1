import { expect } from 'vitest';
import check from '../../lib/checks/error-response-interaction-required';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { silentRenewError } from '../support/error-flows';

describeCheck(check, {
  fires: [{ name: 'MFA needed during silent renew', events: silentRenewError('interaction_required', 'AADSTS50076: you must use multi-factor authentication'), expect: (f) => { expect(f[0]?.severity).toBe('info'); expect(f[0]?.message).toContain('multi-factor'); } }],
  silent: [{ name: 'clean code flow', events: codeFlow() }],
});
