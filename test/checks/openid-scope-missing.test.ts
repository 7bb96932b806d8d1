import { expect } from 'vitest';
import check from '../../lib/checks/openid-scope-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { PROVIDER_LOGINS } from '../support/provider-logins';

const apple = PROVIDER_LOGINS.find((l) => l.provider === 'apple')!.events;

describeCheck(check, {
  fires: [
    {
      name: 'nonce and max_age without openid',
      events: codeFlow({ authorizeParams: { scope: 'profile email', max_age: '300' } }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('nonce, max_age');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'profile email', expected: 'openid profile email' });
      },
    },
    { name: 'prompt alone is a hint', events: codeFlow({ authorizeParams: { scope: 'https://www.googleapis.com/auth/drive', nonce: null, prompt: 'consent' } }), expect: (f) => expect(f[0]?.severity).toBe('info') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'plain OAuth request', events: codeFlow({ authorizeParams: { scope: 'read:orders', nonce: null } }) },
    // Apple's scope values are name and email only, and it returns an ID Token anyway (provider-known-deviation reports it).
    { name: 'Sign in with Apple: scope "name email", response_type "code id_token", nonce', events: apple },
  ],
});
