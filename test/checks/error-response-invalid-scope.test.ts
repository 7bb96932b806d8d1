import { expect } from 'vitest';
import check from '../../lib/checks/error-response-invalid-scope';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'Okta: scope not configured, named with the requested scopes',
      events: callbackError('invalid_scope', 'One or more scopes are not configured for the authorization server resource.', { scope: 'openid orders.read' }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('The request asked for: openid orders.read.');
        expect(f[0]?.message).toContain('(Okta)');
      },
    },
    { name: 'token endpoint invalid_scope on a refresh with its own scope', events: tokenError({ error: 'invalid_scope' }, 400, { scope: 'api://other/.default' }), expect: (f) => expect(f[0]?.message).toContain('api://other/.default') },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'invalid_request is another check', events: callbackError('invalid_request') }],
});
