import { expect } from 'vitest';
import check from '../../lib/checks/token-request-malformed';
import { describeCheck } from '../support/check-cases';
import { APP, AS, CODE, codeFlow, hop } from '../support/events';
import { oidcCodeFlow } from '../support/oidc';
import { brokerEvents, replacing } from '../support/broker-hars';

const T = 1_700_000_000_000;
/** codeFlow without its token hop, plus a hand-built token request. */
function withToken(init: Parameters<typeof hop>[0]) {
  return [...codeFlow({ exchange: 'browser' }).slice(0, -1), hop({ type: 'xmlhttprequest', time: T + 2300, responseJson: { access_token: 'at', token_type: 'Bearer' }, ...init })];
}

describeCheck(check, {
  fires: [
    {
      name: 'JSON body',
      events: withToken({
        url: `${AS}/token`,
        method: 'POST',
        text: JSON.stringify({ grant_type: 'authorization_code', code: CODE, redirect_uri: `${APP}/callback` }),
        requestHeaders: [{ name: 'Origin', value: APP }, { name: 'Content-Type', value: 'application/json' }],
      }),
      expect: (f) => expect(f[0]?.message).toContain('Content-Type is "application/json"'),
    },
    {
      name: 'parameters in the query string',
      events: withToken({ url: `${AS}/token?grant_type=authorization_code&code=${CODE}`, method: 'POST', requestHeaders: [{ name: 'Origin', value: APP }] }),
      expect: (f) => expect(f[0]?.message).toContain('grant_type, code sent in the URL query'),
    },
    {
      name: 'authorization_code grant without code',
      events: codeFlow({ exchange: 'browser', tokenForm: { code: null } }),
      expect: (f) => expect(f[0]?.message).toContain('without code'),
    },
  ],
  silent: [
    { name: "Supabase's session exchange (POST /auth/v1/token?grant_type=pkce, JSON body)", events: brokerEvents('supabase-github-pkce.har') },
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean browser exchange', events: codeFlow({ exchange: 'browser' }) },
    {
      name: 'request body not captured (HAR without postData): parameters unknown, not missing',
      events: (await oidcCodeFlow()).map((e) => (e.kind === 'request' && e.url === `${AS}/token` ? { ...e, requestBody: undefined } : e)),
    },
  ],
});
