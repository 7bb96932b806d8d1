import { expect } from 'vitest';
import check from '../../lib/checks/token-in-url-query';
import { describeCheck } from '../support/check-cases';
import { APP, codeFlow, hop } from '../support/events';

const T = 1_700_000_000_000;

describeCheck(check, {
  fires: [
    {
      name: 'callback query carries access_token and id_token (query mode forced)',
      events: codeFlow({ authorizeParams: { response_type: 'id_token token', response_mode: 'query' }, callbackParams: { code: null, access_token: 'secret-at-1', id_token: 'a.b.c' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('access_token, id_token');
        expect(f[0]?.message).not.toContain('secret-at-1');
      },
    },
    {
      name: 'an API called with ?access_token= after login, not attached to any flow step',
      events: [...codeFlow({ startTime: T }), hop({ url: 'https://api.example.com/v1/me?access_token=secret-at-2', type: 'xmlhttprequest', time: T + 5000 })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.evidence[0]?.value).toBe('https://api.example.com/v1/me?access_token=…');
      },
    },
    {
      name: 'refresh_token in a Location header',
      events: [
        ...codeFlow({ startTime: T }),
        hop({ url: `${APP}/session/refresh`, time: T + 9000, location: `${APP}/done?refresh_token=rt-secret` }),
      ],
      expect: (f) => expect(f.some((x) => x.message.includes('Location header'))).toBe(true),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean code flow with browser exchange', events: codeFlow({ exchange: 'browser' }) },
    {
      name: 'logout with id_token_hint is not a token in the query',
      events: [...codeFlow({ startTime: T }), hop({ url: 'https://idp.example.com/session/end?id_token_hint=a.b.c&post_logout_redirect_uri=https%3A%2F%2Fapp.example.com%2F', time: T + 9000 })],
    },
  ],
});
