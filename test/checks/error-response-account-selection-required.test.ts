import { expect } from 'vitest';
import check from '../../lib/checks/error-response-account-selection-required';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { silentRenewError } from '../support/error-flows';

describeCheck(check, {
  fires: [{ name: 'several sessions, no hint', events: silentRenewError('account_selection_required', 'AADSTS16000: select user account'), expect: (f) => expect(f[0]?.message).toContain('AADSTS16000') }],
  silent: [{ name: 'clean code flow', events: codeFlow() }],
});
