import { expect } from 'vitest';
import check from '../../lib/checks/error-response-unsupported-response-type';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: "Entra: response_type 'token' not enabled",
      events: callbackError('unsupported_response_type', "AADSTS700051: response_type 'token' is not enabled for the application.", { response_type: 'token', code_challenge: null, code_challenge_method: null }),
      expect: (f) => {
        expect(f[0]?.message).toContain('response_type=token');
        expect(f[0]?.message).toContain("response_type 'token' is not enabled");
        expect(f[0]?.message).toContain('implicit-flow-used');
      },
    },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }],
});
