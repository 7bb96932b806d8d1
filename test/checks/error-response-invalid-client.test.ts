import { expect } from 'vitest';
import check from '../../lib/checks/error-response-invalid-client';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'Entra AADSTS7000218 for a public browser client',
      events: tokenError({ error: 'invalid_client', error_description: "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'." }, 401),
      expect: (f) => {
        expect(f[0]?.message).toContain('nothing (a public client)');
        expect(f[0]?.message).toContain('do not "fix" it by adding a secret');
        expect(f[0]?.evidence.map((e) => e.label)).toContain('Microsoft Entra code');
      },
    },
    { name: 'secret sent in the body, refused', events: tokenError({ error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' }, 401, { client_secret: 'wrong' }), expect: (f) => expect(f[0]?.message).toContain('client_secret_post') },
  ],
  silent: [{ name: 'clean browser exchange', events: codeFlow({ exchange: 'browser' }) }, { name: 'invalid_grant is another check', events: tokenError({ error: 'invalid_grant' }) }],
});
