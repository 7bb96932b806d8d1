import { expect } from 'vitest';
import check from '../../lib/checks/authz-request-malformed';
import { describeCheck } from '../support/check-cases';
import { AS, CLIENT_ID, codeFlow, hop, REDIRECT_URI } from '../support/events';
import { discovery } from '../support/authorize-flows';
import { PROVIDER_LOGINS } from '../support/provider-logins';
import { brokerEvents, replacing } from '../support/broker-hars';

const base = `client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a`;

describeCheck(check, {
  fires: [
    {
      name: 'Auth0 /authorize?connection= without client_id (Auth0 requires it)',
      events: brokerEvents('auth0-connection-github.har', replacing('client_id=AbCdEfGhIjKlMnOpQrStUvWxYz012345&', '')),
      expect: (f) => expect(f[0]?.message).toContain('client_id is missing'),
    },
    {
      name: 'scope appended twice (config + code)',
      events: [hop({ url: `${AS}/authorize?${base}&scope=openid&scope=openid%20profile`, status: 302, location: `${AS}/login` })],
      expect: (f) => {
        expect(f[0]?.message).toContain('scope is sent 2 times ("openid", "openid profile")');
        expect(f[0]?.severity).toBe('error');
      },
    },
    {
      name: 'Google authorize URL without response_type',
      events: [hop({ url: `https://accounts.google.com/o/oauth2/v2/auth?client_id=123.apps.googleusercontent.com&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&scope=openid`, status: 400 })],
      expect: (f) => expect(f[0]?.message).toContain('response_type is missing'),
    },
    {
      name: 'response_type not in response_types_supported',
      events: [discovery({ response_types_supported: ['code'] }), ...codeFlow({ authorizeParams: { response_type: 'code id_token' } })],
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'code id_token', expected: 'one of: code' }),
    },
  ],
  silent: [
    { name: 'Supabase /auth/v1/authorize?provider=&redirect_to= (a broker hop, no client_id or response_type by design)', events: brokerEvents('supabase-github-pkce.har') },
    { name: 'clean code flow', events: codeFlow() },
    // Hand-built from GitHub's documentation (test/support/provider-logins.ts): no response_type by design.
    { name: 'GitHub OAuth App authorize URL without response_type', events: PROVIDER_LOGINS.find((l) => l.provider === 'github')!.events },
    { name: 'response_type listed in another order', events: [discovery({ response_types_supported: ['code', 'id_token code'] }), ...codeFlow({ authorizeParams: { response_type: 'code id_token' } })] },
    { name: 'PAR request_uri from a server (parameters not visible)', events: [hop({ url: `${AS}/authorize?client_id=${CLIENT_ID}&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc`, status: 302, location: `${AS}/login` })] },
  ],
});
