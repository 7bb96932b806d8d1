import { expect } from 'vitest';
import check from '../../lib/checks/pkce-verifier-malformed';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'too short',
      events: codeFlow({ exchange: 'browser', tokenForm: { code_verifier: 'short-verifier' } }),
      expect: (f) => expect(f[0]?.message).toContain('14 characters long (minimum 43)'),
    },
    {
      name: 'standard base64 with padding',
      events: codeFlow({ exchange: 'browser', tokenForm: { code_verifier: 'dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk=' } }),
      expect: (f) => expect(f[0]?.message).toMatch(/"\+", "\/", "="/),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'RFC 7636 Appendix B verifier', events: codeFlow({ exchange: 'browser' }) },
    { name: '128 characters', events: codeFlow({ exchange: 'browser', tokenForm: { code_verifier: 'a'.repeat(128) }, authorizeParams: { code_challenge_method: 'plain', code_challenge: 'a'.repeat(128) } }) },
  ],
});
