import { expect } from 'vitest';
import check from '../../lib/checks/pkce-plain';
import { describeCheck } from '../support/check-cases';
import { codeFlow, VERIFIER } from '../support/events';

describeCheck(check, {
  fires: [
    { name: 'method plain', events: codeFlow({ authorizeParams: { code_challenge: VERIFIER, code_challenge_method: 'plain' } }), expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'plain', expected: 'S256' }) },
    { name: 'challenge without method', events: codeFlow({ authorizeParams: { code_challenge_method: null } }), expect: (f) => expect(f[0]?.message).toContain('defaults to "plain"') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'no PKCE at all (pkce-missing covers it)', events: codeFlow({ authorizeParams: { code_challenge: null, code_challenge_method: null } }) },
  ],
});
