import { expect } from 'vitest';
import check from '../../lib/checks/error-response-invalid-request';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'callback error=invalid_request with an Entra code',
      events: callbackError('invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'."),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('callback (query)');
        expect(f[0]?.message).toContain('AADSTS900144 (Microsoft Entra)');
        expect(f[0]?.message).toContain('token-request-malformed');
      },
    },
    { name: 'token endpoint 400 invalid_request', events: tokenError({ error: 'invalid_request', error_description: 'Missing parameter: code_verifier' }), expect: (f) => expect(f[0]?.message).toContain('token endpoint (HTTP 400)') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'another error value', events: callbackError('access_denied') },
  ],
});
