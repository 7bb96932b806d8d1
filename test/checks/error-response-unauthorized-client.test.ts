import { expect } from 'vitest';
import check from '../../lib/checks/error-response-unauthorized-client';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'Auth0: grant type not allowed',
      events: tokenError({ error: 'unauthorized_client', error_description: "Grant type 'authorization_code' not allowed for the client." }, 403),
      expect: (f) => {
        expect(f[0]?.message).toContain('grant_type is authorization_code');
        expect(f[0]?.message).toContain('Auth0');
      },
    },
    { name: 'callback: application not found', events: callbackError('unauthorized_client', 'AADSTS700016: Application with identifier web-app was not found in the directory.'), expect: (f) => expect(f[0]?.message).toContain('response_type=code for client_id=web-app') },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'invalid_client is another check', events: tokenError({ error: 'invalid_client' }, 401) }],
});
