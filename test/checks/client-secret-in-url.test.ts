import { expect } from 'vitest';
import check from '../../lib/checks/client-secret-in-url';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'client_secret in the authorization URL',
      events: codeFlow({ authorizeParams: { client_secret: 's3cr3t-value-123' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('client_secret appears in the query');
        expect(f[0]?.message).not.toContain('s3cr3t-value-123');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'client_secret in the POST body is a different check', events: codeFlow({ exchange: 'browser', tokenForm: { client_secret: 'x' } }) },
  ],
});
