import { expect } from 'vitest';
import check from '../../lib/checks/implicit-flow-used';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { implicitFlow } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    { name: 'response_type id_token token', events: implicitFlow(), expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'id_token token', expected: 'code' }) },
    {
      name: 'callback brings an access_token though only code was asked for',
      events: implicitFlow({ authorizeParams: { response_type: 'code' }, response: { code: 'c1', access_token: 'at-1', state: 'Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a' } }),
      expect: (f) => expect(f[0]?.message).toContain('access_token in its fragment'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'id_token only (no access token from the front channel)', events: implicitFlow({ authorizeParams: { response_type: 'id_token' }, response: { id_token: 'eyJhbGciOiJub25lIn0.e30.', state: 'Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a' } }) },
  ],
});
