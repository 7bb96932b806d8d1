import { expect } from 'vitest';
import check from '../../lib/checks/iss-param-missing';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow, hop } from '../support/events';

function discovery(issSupported: boolean | undefined): CapturedEvent {
  return hop({
    url: `${AS}/.well-known/openid-configuration`,
    type: 'xmlhttprequest',
    time: 1_699_999_999_000,
    responseJson: {
      issuer: AS,
      authorization_endpoint: `${AS}/authorize`,
      ...(issSupported === undefined ? {} : { authorization_response_iss_parameter_supported: issSupported }),
    },
  });
}

describeCheck(check, {
  fires: [
    {
      name: 'metadata promises iss, success response lacks it',
      events: [discovery(true), ...codeFlow({ callbackParams: { iss: null } })],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.evidence[0]).toMatchObject({ value: '(absent)', expected: AS });
      },
    },
    {
      name: 'metadata promises iss, error response lacks it',
      events: [discovery(true), ...codeFlow({ callbackParams: { iss: null, code: null, error: 'access_denied' } })],
      expect: (f) => expect(f[0]?.message).toContain('error=access_denied'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean code flow with discovery promising iss', events: [discovery(true), ...codeFlow()] },
    { name: 'metadata does not promise iss', events: [discovery(false), ...codeFlow({ callbackParams: { iss: null } })] },
    { name: 'metadata silent about iss', events: [discovery(undefined), ...codeFlow({ callbackParams: { iss: null } })] },
  ],
});
