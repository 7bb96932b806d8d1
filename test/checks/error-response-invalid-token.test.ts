import { expect } from 'vitest';
import check from '../../lib/checks/error-response-invalid-token';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { resourceCall } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'API answers 401 Bearer error="invalid_token"',
      events: resourceCall(401, [{ name: 'WWW-Authenticate', value: 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }]),
      expect: (f) => {
        expect(f[0]?.message).toContain('resource server https://api.example.com/api/orders (HTTP 401, WWW-Authenticate: Bearer)');
        expect(f[0]?.message).toContain('The access token expired');
      },
    },
    { name: 'userinfo answers invalid_token', events: resourceCall(401, [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }], '/userinfo') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'resource 401 without an error parameter', events: resourceCall(401, [{ name: 'WWW-Authenticate', value: 'Bearer realm="api"' }]) },
    { name: 'resource 200', events: resourceCall(200, []) },
  ],
});
