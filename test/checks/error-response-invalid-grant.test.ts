import { expect } from 'vitest';
import check from '../../lib/checks/error-response-invalid-grant';
import { describeCheck } from '../support/check-cases';
import { APP, AS, codeFlow, CODE, hop } from '../support/events';
import { tokenError } from '../support/error-flows';

const T = 1_700_000_000_000;

describeCheck(check, {
  fires: [
    {
      name: 'PKCE verifier does not match (Auth0 text)',
      events: tokenError({ error: 'invalid_grant', error_description: 'Failed to verify code verifier' }, 403, { code_verifier: 'x'.repeat(43) }),
      expect: (f) => {
        expect(f[0]?.message).toContain("doesn't hash to the code_challenge (pkce-verifier-mismatch)");
        expect(f[0]?.message).toContain('(Auth0)');
      },
    },
    {
      name: 'code redeemed a second time',
      events: [
        ...codeFlow({ exchange: 'browser' }),
        hop({ url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', time: T + 2600, form: { grant_type: 'authorization_code', code: CODE, redirect_uri: `${APP}/callback`, client_id: 'web-app' }, requestHeaders: [{ name: 'Origin', value: APP }], status: 400, responseJson: { error: 'invalid_grant', error_description: 'Code not valid' } }),
      ],
      expect: (f) => expect(f[0]?.message).toContain('already sent in an earlier token request (code-reused)'),
    },
    { name: 'nothing in the capture explains it', events: tokenError({ error: 'invalid_grant' }), expect: (f) => expect(f[0]?.message).toContain('Nothing in the capture explains') },
  ],
  silent: [{ name: 'clean browser exchange', events: codeFlow({ exchange: 'browser' }) }, { name: 'clean code flow', events: codeFlow() }],
});
