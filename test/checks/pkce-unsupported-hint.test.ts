import { expect } from 'vitest';
import check from '../../lib/checks/pkce-unsupported-hint';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { discovery } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    { name: 'no code_challenge_methods_supported', events: [discovery({ code_challenge_methods_supported: undefined }), ...codeFlow()], expect: (f) => expect(f[0]?.severity).toBe('info') },
    {
      name: 'only plain advertised, reported once for two flows',
      events: [discovery({ code_challenge_methods_supported: ['plain'] }), ...codeFlow({ authorizeParams: { state: 'a-Aa1Bb2Cc3Dd4Ee5Ff6' } }), ...codeFlow({ authorizeParams: { state: 'b-Aa1Bb2Cc3Dd4Ee5Ff6' }, startTime: 1_700_000_010_000 })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('[plain]');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'S256 advertised', events: [discovery(), ...codeFlow()] },
  ],
});
