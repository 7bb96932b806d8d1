import { expect } from 'vitest';
import check from '../../lib/checks/error-response-unsupported-grant-type';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [{ name: 'typo in grant_type', events: tokenError({ error: 'unsupported_grant_type' }, 400, { grant_type: 'authorisation_code' }), expect: (f) => expect(f[0]?.message).toContain('"authorisation_code"') }],
  silent: [{ name: 'clean browser exchange', events: codeFlow({ exchange: 'browser' }) }],
});
