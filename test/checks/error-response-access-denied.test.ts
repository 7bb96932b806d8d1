import { expect } from 'vitest';
import check from '../../lib/checks/error-response-access-denied';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, formPostError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    {
      name: 'user pressed cancel: info',
      events: callbackError('access_denied', 'The user cancelled the login'),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('expected outcome');
      },
    },
    { name: 'no description: most likely a cancel, info', events: callbackError('access_denied'), expect: (f) => expect(f[0]?.severity).toBe('info') },
    { name: 'B2C user cancelled code', events: callbackError('access_denied', 'AADB2C90091: The user has cancelled entering self-asserted information.'), expect: (f) => expect(f[0]?.severity).toBe('info') },
    {
      name: 'Entra: user not assigned to the app (policy): warning',
      events: callbackError('access_denied', "AADSTS50105: Your administrator has configured the application to block users unless they are specifically granted ('assigned') access."),
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('not assigned to the application');
      },
    },
    { name: 'Auth0 unknown audience (form_post): warning', events: formPostError('access_denied', 'Service not found: https://api.example.com'), expect: (f) => {
      expect(f[0]?.severity).toBe('warning');
      expect(f[0]?.message).toContain('callback (form_post body)');
      expect(f[0]?.message).toContain('scope-unknown');
    } },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }, { name: 'other error', events: callbackError('server_error') }],
});
