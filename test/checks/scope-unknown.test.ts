import { expect } from 'vitest';
import check from '../../lib/checks/scope-unknown';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { discovery } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    {
      name: 'typo against scopes_supported',
      events: [discovery(), ...codeFlow({ authorizeParams: { scope: 'openid profle email' } })],
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'profle' }),
    },
    {
      name: 'server answers invalid_scope',
      events: codeFlow({ authorizeParams: { scope: 'openid orders:write' }, callbackParams: { code: null, error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' } }),
      expect: (f) => expect(f[0]?.message).toContain('One or more scopes are not configured'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'listed scopes', events: [discovery(), ...codeFlow()] },
    { name: 'URI-style scopes are not judged', events: [discovery(), ...codeFlow({ authorizeParams: { scope: 'openid api://orders/.default https://www.googleapis.com/auth/drive' } })] },
  ],
});
