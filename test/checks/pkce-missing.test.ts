import { expect } from 'vitest';
import check from '../../lib/checks/pkce-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { implicitFlow } from '../support/authorize-flows';
import { PROVIDER_LOGINS } from '../support/provider-logins';

const login = (name: string) => PROVIDER_LOGINS.find((l) => l.provider === name)!.events;
const apple = login('apple');

const noPkce = { code_challenge: null, code_challenge_method: null };

describeCheck(check, {
  fires: [
    {
      name: 'confidential-looking client (server exchange), no nonce: warning',
      events: codeFlow({ authorizeParams: { ...noPkce, nonce: null } }),
      expect: (f) => expect(f[0]?.severity).toBe('warning'),
    },
    {
      name: 'confidential-looking OpenID Connect client with a nonce: info (RFC 9700 §2.1.1 allows the nonce instead)',
      events: codeFlow({ authorizeParams: noPkce }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('relies on the nonce instead');
      },
    },
    {
      name: 'a nonce without the openid scope at an unprofiled provider is no OpenID Connect request: warning',
      events: codeFlow({ authorizeParams: { ...noPkce, scope: 'profile email' } }),
      expect: (f) => expect(f[0]?.severity).toBe('warning'),
    },
    {
      name: 'Sign in with Apple (nonce, ID Token without openid; Apple documents no PKCE): info',
      events: apple,
      expect: (f) => expect(f[0]?.severity).toBe('info'),
    },
    {
      name: 'SPA redeems the code in the browser without client authentication: error',
      events: codeFlow({ authorizeParams: noPkce, exchange: 'browser', tokenForm: { code_verifier: null } }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('without client authentication');
      },
    },
    {
      name: 'loopback redirect of a CLI: error',
      events: codeFlow({ authorizeParams: { ...noPkce, redirect_uri: 'http://127.0.0.1:53682/' } }),
      expect: (f) => expect(f[0]?.severity).toBe('error'),
    },
    {
      name: "LinkedIn's native flow (loopback redirect_uri, where LinkedIn offers PKCE) without a code_challenge: still an error",
      events: login('linkedin (3-legged OAuth, no OpenID Connect)').map((e) =>
        e.kind === 'request' ? { ...e, url: e.url.replace(encodeURIComponent('https://app.example.com/auth/callback'), encodeURIComponent('http://127.0.0.1:53682/')) } : e,
      ),
      expect: (f) => expect(f[0]?.severity).toBe('error'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'implicit flow (no code)', events: implicitFlow() },
    // LinkedIn's web flow takes no code_challenge (a confidential client with client_secret): provider-known-deviation says so.
    { name: 'LinkedIn 3-legged OAuth web login (no nonce)', events: login('linkedin (3-legged OAuth, no OpenID Connect)') },
    { name: 'Sign In with LinkedIn using OpenID Connect (nonce)', events: login('linkedin') },
  ],
});
