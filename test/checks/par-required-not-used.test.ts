import { expect } from 'vitest';
import check from '../../lib/checks/par-required-not-used';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { discovery, parAuthorize, parPush } from '../support/authorize-flows';

const requiring = discovery({ require_pushed_authorization_requests: true, pushed_authorization_request_endpoint: 'https://idp.example.com/par' });

describeCheck(check, {
  fires: [{ name: 'raw parameters although PAR is required', events: [requiring, ...codeFlow()], expect: (f) => expect(f[0]?.evidence[0]?.expected).toContain('https://idp.example.com/par') }],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'pushed request', events: [requiring, parPush(), ...parAuthorize()] },
  ],
});
