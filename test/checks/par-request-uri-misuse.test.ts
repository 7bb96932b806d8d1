import { expect } from 'vitest';
import check from '../../lib/checks/par-request-uri-misuse';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { parAuthorize, parPush } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    { name: 'used after expires_in', events: [parPush({ time: 1_699_999_900_000, expiresIn: 60 }), ...parAuthorize()], expect: (f) => expect(f[0]?.message).toMatch(/used 100 s after the push, but expires_in was 60 s/) },
    {
      name: 'same request_uri in two tabs, reported on the later one',
      events: [parPush(), ...parAuthorize({ tabId: 1 }), ...parAuthorize({ tabId: 2, time: 1_700_000_005_000 })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('already used by flow f1');
      },
    },
    { name: 'extra parameters next to request_uri', events: [parPush(), ...parAuthorize({ extra: { redirect_uri: 'https://app.example.com/other' } })], expect: (f) => expect(f[0]?.message).toContain('adds redirect_uri') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'push then navigate', events: [parPush(), ...parAuthorize()] },
    { name: 'OIDC duplicates of pushed response_type and scope', events: [parPush(), ...parAuthorize({ extra: { response_type: 'code', scope: 'openid profile' } })] },
  ],
});
