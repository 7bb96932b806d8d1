import { expect } from 'vitest';
import check from '../../lib/checks/pkce-method-invalid';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'lowercase s256',
      events: codeFlow({ authorizeParams: { code_challenge_method: 's256' } }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toMatch(/^code_challenge_method is "s256" \(S256 was meant\): RFC 7636 defines only "S256" and "plain"/);
        expect(f[0]?.evidence[0]).toMatchObject({ value: 's256', expected: 'S256' });
      },
    },
    { name: 'SHA256', events: codeFlow({ authorizeParams: { code_challenge_method: 'SHA256' } }), expect: (f) => expect(f[0]?.message).toContain('(S256 was meant)') },
    { name: 'an unknown method', events: codeFlow({ authorizeParams: { code_challenge_method: 'S512' } }), expect: (f) => expect(f[0]?.message).not.toContain('was meant') },
  ],
  silent: [
    { name: 'S256', events: codeFlow() },
    { name: 'plain (pkce-plain reports it)', events: codeFlow({ authorizeParams: { code_challenge_method: 'plain' } }) },
    { name: 'no PKCE at all', events: codeFlow({ authorizeParams: { code_challenge: null, code_challenge_method: null } }) },
  ],
});
