import { expect } from 'vitest';
import check from '../../lib/checks/error-response-request-object-or-uri';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    { name: 'expired PAR request_uri', events: callbackError('invalid_request_uri', 'request_uri is expired'), expect: (f) => expect(f[0]?.message).toContain('error=invalid_request_uri') },
    { name: 'request objects not supported', events: callbackError('request_not_supported') },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'plain invalid_request is another check', events: callbackError('invalid_request') }],
});
