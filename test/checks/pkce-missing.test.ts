import { expect } from 'vitest';
import check from '../../lib/checks/pkce-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { implicitFlow } from '../support/authorize-flows';

const noPkce = { code_challenge: null, code_challenge_method: null };

describeCheck(check, {
  fires: [
    {
      name: 'confidential-looking client (server exchange): warning',
      events: codeFlow({ authorizeParams: noPkce }),
      expect: (f) => expect(f[0]?.severity).toBe('warning'),
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
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'implicit flow (no code)', events: implicitFlow() },
  ],
});
