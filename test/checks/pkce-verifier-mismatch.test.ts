import { expect } from 'vitest';
import check from '../../lib/checks/pkce-verifier-mismatch';
import { describeCheck } from '../support/check-cases';
import { CHALLENGE, VERIFIER, codeFlow } from '../support/events';
import { brokerEvents, replacing } from '../support/broker-hars';

const OTHER = 'Zz9yWq2B7xVcKpL0mN4rT6uY8iO1aS3dF5gH7jK9lQw';

describeCheck(check, {
  fires: [
    {
      // Supabase's "s256" is read as S256, so the verifier is still checked.
      name: 'Supabase session exchange with another verifier',
      events: brokerEvents('supabase-github-pkce.har', replacing('m3Jk8sQ2vX9pL4tR7wY1zB6nC0dF5gH2jK8lM3nP4qS7tV', OTHER)),
    },
    {
      name: 'verifier of another flow, refused with invalid_grant',
      events: codeFlow({ exchange: 'browser', tokenForm: { code_verifier: OTHER }, tokenStatus: 400, tokenResponse: { error: 'invalid_grant', error_description: 'PKCE verification failed' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain(OTHER);
        expect(f[0]?.message).toContain(CHALLENGE);
        expect(f[0]?.message).toContain('confirmed it with invalid_grant');
        expect(f[0]?.evidence[0]?.expected).toBe(CHALLENGE);
        expect(f[0]?.evidence[0]?.value).not.toBe(CHALLENGE);
      },
    },
    {
      name: 'challenge is the verifier itself although S256 was declared',
      events: codeFlow({ exchange: 'browser', authorizeParams: { code_challenge: VERIFIER } }),
    },
    {
      name: 'plain method: verifier differs from challenge',
      events: codeFlow({ exchange: 'browser', authorizeParams: { code_challenge_method: 'plain', code_challenge: VERIFIER }, tokenForm: { code_verifier: OTHER } }),
    },
    {
      name: 'Entra AADSTS501481 confirms the mismatch',
      events: codeFlow({ exchange: 'browser', tokenForm: { code_verifier: OTHER }, tokenStatus: 400, tokenResponse: { error: 'invalid_request', error_description: 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.' } }),
      expect: (f) => expect(f[0]?.message).toContain('confirmed it with invalid_request'),
    },
  ],
  silent: [
    { name: "Supabase's s256 challenge and its verifier", events: brokerEvents('supabase-github-pkce.har') },
    { name: 'clean code flow', events: codeFlow() },
    { name: 'RFC 7636 Appendix B pair', events: codeFlow({ exchange: 'browser' }) },
    { name: 'plain method, equal values', events: codeFlow({ exchange: 'browser', authorizeParams: { code_challenge_method: 'plain', code_challenge: VERIFIER } }) },
  ],
});
