import { expect } from 'vitest';
import check from '../../lib/checks/pkce-challenge-malformed';
import { describeCheck } from '../support/check-cases';
import { CHALLENGE, codeFlow, VERIFIER } from '../support/events';

const s256 = (challenge: string) => codeFlow({ authorizeParams: { code_challenge: challenge } });
/** The same digest in standard base64 with padding: what `btoa` gives. */
const standardB64 = Buffer.from(CHALLENGE, 'base64url').toString('base64');
const hex = Buffer.from(CHALLENGE, 'base64url').toString('hex');

describeCheck(check, {
  fires: [
    { name: 'standard base64 with padding', events: s256(standardB64), expect: (f) => expect(f[0]?.message).toMatch(/padding|standard base64/) },
    { name: 'hex digest', events: s256(hex), expect: (f) => expect(f[0]?.message).toContain('hex digest') },
    { name: 'too short', events: s256('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw'), expect: (f) => expect(f[0]?.message).toContain('40 characters long instead of 43') },
    { name: 'plain verifier too short', events: codeFlow({ authorizeParams: { code_challenge: 'short-verifier', code_challenge_method: 'plain' } }), expect: (f) => expect(f[0]?.message).toContain('43–128') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'valid plain verifier', events: codeFlow({ authorizeParams: { code_challenge: VERIFIER, code_challenge_method: 'plain' } }) },
  ],
});
