import { expect } from 'vitest';
import check from '../../lib/checks/error-response-consent-required';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { silentRenewError, callbackError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    { name: 'silent renew needs consent', events: [...codeFlow(), ...silentRenewError('consent_required', 'Consent required')], expect: (f) => expect(f[0]?.severity).toBe('info') },
    { name: 'Entra admin consent', events: callbackError('consent_required', 'AADSTS90094: The grant requires admin permission.'), expect: (f) => expect(f[0]?.message).toContain('admin consent is required') },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'login_required is another check', events: silentRenewError('login_required') }],
});
