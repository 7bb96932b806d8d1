import { expect } from 'vitest';
import check from '../../lib/checks/response-type-mismatch';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'code requested, callback has only state',
      events: codeFlow({ callbackParams: { code: null, id_token: 'x.y.z' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('missing code');
        expect(f[0]?.message).toContain('unrequested id_token');
      },
    },
    {
      name: 'code requested, access token returned in the query as well',
      events: codeFlow({ callbackParams: { access_token: 'at-1' } }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'code access_token', expected: 'code' }),
    },
    {
      name: 'hybrid code id_token requested, no id_token returned',
      events: codeFlow({ authorizeParams: { response_type: 'code id_token' } }),
      expect: (f) => expect(f[0]?.message).toContain('missing id_token'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'error response', events: codeFlow({ callbackParams: { code: null, error: 'access_denied' } }) },
    { name: 'hybrid response complete', events: codeFlow({ authorizeParams: { response_type: 'code id_token' }, callbackParams: { id_token: 'x.y.z' } }) },
  ],
});
