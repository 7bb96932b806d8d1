import { expect } from 'vitest';
import check from '../../lib/checks/error-response-server-error';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    { name: 'callback server_error with a correlation id', events: callbackError('server_error', 'Unexpected error. Correlation ID: 1f2e'), expect: (f) => { expect(f[0]?.severity).toBe('warning'); expect(f[0]?.message).toContain('Correlation ID: 1f2e'); } },
    { name: 'token endpoint 500 server_error', events: tokenError({ error: 'server_error' }, 500) },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'temporarily_unavailable is another check', events: callbackError('temporarily_unavailable') }],
});
