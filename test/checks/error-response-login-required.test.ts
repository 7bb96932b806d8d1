import { expect } from 'vitest';
import check from '../../lib/checks/error-response-login-required';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, silentRenewError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'silent renew in an iframe without a session: info',
      events: silentRenewError('login_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.'),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('hidden iframe with prompt=none');
        expect(f[0]?.message).toContain('expected answer of a silent renew');
      },
    },
    {
      name: 'silent renew after a successful top-level login: warning (session should exist)',
      events: [...codeFlow(), ...silentRenewError('login_required')],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('flow f1');
      },
    },
    { name: 'top-level prompt=none: warning', events: callbackError('login_required', 'Login required', { prompt: 'none' }), expect: (f) => {
      expect(f[0]?.severity).toBe('warning');
      expect(f[0]?.message).toContain('top-level page with prompt=none');
    } },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'consent_required is another check', events: silentRenewError('consent_required') }],
});
