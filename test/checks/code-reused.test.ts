import { expect } from 'vitest';
import check from '../../lib/checks/code-reused';
import { describeCheck } from '../support/check-cases';
import { APP, AS, CODE, VERIFIER, codeFlow, hop, REDIRECT_URI, CLIENT_ID } from '../support/events';

const T = 1_700_000_000_000;
const second = (time: number, status: number, response: unknown) =>
  hop({
    url: `${AS}/token`,
    method: 'POST',
    type: 'xmlhttprequest',
    time,
    form: { grant_type: 'authorization_code', code: CODE, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, code_verifier: VERIFIER },
    requestHeaders: [{ name: 'Origin', value: APP }],
    status,
    responseJson: response,
  });

describeCheck(check, {
  fires: [
    {
      name: 'React StrictMode double effect: second redemption refused',
      events: [...codeFlow({ exchange: 'browser' }), second(T + 2310, 400, { error: 'invalid_grant', error_description: 'authorization code already used' })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain(`"${CODE}" was sent in 2 token requests`);
        expect(f[0]?.message).toContain('refused with invalid_grant');
        expect(f[0]?.message).toContain('The later request was refused with invalid_grant');
      },
    },
    {
      name: 'both redemptions succeed (server does not enforce single use)',
      events: [...codeFlow({ exchange: 'browser' }), second(T + 5000, 200, { access_token: 'at-2', token_type: 'Bearer' })],
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'one redemption', events: codeFlow({ exchange: 'browser' }) },
  ],
});
