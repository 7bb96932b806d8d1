import { expect } from 'vitest';
import check from '../../lib/checks/pkce-method-invalid';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { brokerEvents, replacing } from '../support/broker-hars';

describeCheck(check, {
  fires: [
    {
      // Hand-built from Auth0's documentation (test/fixtures/brokers): Auth0 documents S256 only.
      name: 'Auth0 (connection=github) with a lowercase s256',
      events: brokerEvents('auth0-connection-github.har', replacing('code_challenge_method=S256', 'code_challenge_method=s256')),
    },
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
    {
      // supabase-js sends "s256" and Supabase Auth reads it in any case (lib/providers/profiles.ts cites both).
      name: "Supabase's own lowercase s256",
      events: brokerEvents('supabase-github-pkce.har'),
    },
    { name: 'S256', events: codeFlow() },
    { name: 'plain (pkce-plain reports it)', events: codeFlow({ authorizeParams: { code_challenge_method: 'plain' } }) },
    { name: 'no PKCE at all', events: codeFlow({ authorizeParams: { code_challenge: null, code_challenge_method: null } }) },
  ],
});
