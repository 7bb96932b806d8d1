import { expect } from 'vitest';
import check from '../../lib/checks/error-response-insufficient-scope';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { resourceCall } from '../support/error-flows';

describeCheck(check, {
  fires: [{ name: 'API answers 403 insufficient_scope', events: resourceCall(403, [{ name: 'WWW-Authenticate', value: 'Bearer error="insufficient_scope", scope="orders:write"' }]), expect: (f) => expect(f[0]?.severity).toBe('warning') }],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'invalid_token is another check', events: resourceCall(401, [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }]) }],
});
