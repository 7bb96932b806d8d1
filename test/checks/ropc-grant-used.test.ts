import { expect } from 'vitest';
import check from '../../lib/checks/ropc-grant-used';
import { describeCheck } from '../support/check-cases';
import { APP, AS, codeFlow, hop } from '../support/events';

const tokenCall = (form: Record<string, string>) =>
  hop({
    url: `${AS}/token`,
    method: 'POST',
    type: 'xmlhttprequest',
    requestHeaders: [{ name: 'Origin', value: APP }],
    form,
    responseJson: { access_token: 'at', token_type: 'Bearer' },
  });

describeCheck(check, {
  fires: [
    {
      name: 'SPA posts the user password to the token endpoint',
      events: [tokenCall({ grant_type: 'password', username: 'alice', password: 'hunter2', client_id: 'web-app', scope: 'openid' })],
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('grant_type=password');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow({ exchange: 'browser' }) },
    { name: 'refresh grant', events: [tokenCall({ grant_type: 'refresh_token', refresh_token: 'rt', client_id: 'web-app' })] },
  ],
});
