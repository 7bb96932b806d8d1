import { expect } from 'vitest';
import check from '../../lib/checks/openid-scope-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

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
  ],
});
