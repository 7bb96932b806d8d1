import { expect } from 'vitest';
import check from '../../lib/checks/scope-narrowed';
import { describeCheck } from '../support/check-cases';
import { APP, codeFlow, hop } from '../support/events';
import { implicitFlow } from '../support/authorize-flows';

const narrowed = (granted: string) =>
  codeFlow({ authorizeParams: { scope: 'openid profile calendar.read calendar.write' }, exchange: 'browser', tokenResponse: { access_token: 'at-narrow', token_type: 'Bearer', expires_in: 3600, scope: granted } });

describeCheck(check, {
  fires: [
    { name: 'user unticked calendar.write', events: narrowed('openid profile calendar.read'), expect: (f) => expect(f[0]?.severity).toBe('info') },
    {
      name: 'a later API call fails with insufficient_scope: warning',
      events: [
        ...narrowed('openid profile calendar.read'),
        hop({
          url: 'https://api.example.com/calendar/events',
          method: 'POST',
          type: 'xmlhttprequest',
          time: 1_700_000_003_000,
          requestHeaders: [{ name: 'Authorization', value: 'Bearer at-narrow' }, { name: 'Origin', value: APP }],
          status: 403,
          responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer error="insufficient_scope", scope="calendar.write"' }],
        }),
      ],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('"calendar.write" was not granted');
      },
    },
    {
      name: 'implicit callback scope narrower than requested',
      events: implicitFlow({ authorizeParams: { scope: 'openid profile email' }, response: { access_token: 'at-i', token_type: 'Bearer', scope: 'openid profile', state: 'Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a' } }),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow({ exchange: 'browser' }) },
    { name: 'scope absent in the response means as requested', events: codeFlow({ exchange: 'browser', tokenResponse: { access_token: 'at', token_type: 'Bearer' } }) },
    { name: 'Google renames email/profile to URLs', events: codeFlow({ authorizeParams: { scope: 'openid email profile' }, exchange: 'browser', tokenResponse: { access_token: 'at', token_type: 'Bearer', scope: 'openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile' } }) },
  ],
});
