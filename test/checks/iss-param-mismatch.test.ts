import { expect } from 'vitest';
import check from '../../lib/checks/iss-param-mismatch';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow, hop } from '../support/events';

function discovery(extra: Record<string, unknown> = {}): CapturedEvent {
  return hop({
    url: `${AS}/.well-known/openid-configuration`,
    type: 'xmlhttprequest',
    time: 1_699_999_999_000,
    responseJson: { issuer: AS, authorization_endpoint: `${AS}/authorize`, token_endpoint: `${AS}/token`, ...extra },
  });
}

describeCheck(check, {
  fires: [
    {
      name: 'callback iss names another authorization server (mix-up)',
      events: [discovery(), ...codeFlow({ callbackParams: { iss: 'https://attacker.example' } })],
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'https://attacker.example', expected: AS });
      },
    },
    {
      name: 'trailing slash difference',
      events: [discovery(), ...codeFlow({ callbackParams: { iss: `${AS}/` } })],
      expect: (f) => expect(f[0]?.message).toContain(`"${AS}/"`),
    },
  ],
  silent: [
    { name: 'clean code flow (no discovery captured)', events: codeFlow() },
    { name: 'clean code flow with discovery', events: [discovery(), ...codeFlow()] },
    { name: 'callback without iss', events: [discovery(), ...codeFlow({ callbackParams: { iss: null } })] },
    {
      name: 'discovery of another server captured only (no basis to compare)',
      events: [
        hop({ url: 'https://other.example/.well-known/openid-configuration', type: 'xmlhttprequest', responseJson: { issuer: 'https://attacker.example', authorization_endpoint: 'https://other.example/authorize' } }),
        ...codeFlow({ callbackParams: { iss: 'https://attacker.example' } }),
      ],
    },
  ],
});
