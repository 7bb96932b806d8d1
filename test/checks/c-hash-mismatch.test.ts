import { expect } from 'vitest';
import check from '../../lib/checks/c-hash-mismatch';
import { describeCheck } from '../support/check-cases';
import { CODE, codeFlow } from '../support/events';
import { hybridFlow, leftHalfS256, oidcCodeFlow, signIdToken } from '../support/oidc';

const frontChannel = (cHash: string | null) => signIdToken({ claims: { at_hash: null, c_hash: cHash } });

describeCheck(check, {
  fires: [
    {
      name: 'injected code: c_hash belongs to another code',
      events: hybridFlow({ fragment: { id_token: await frontChannel(leftHalfS256('attacker-code')) } }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: leftHalfS256('attacker-code'), expected: leftHalfS256(CODE) }),
    },
    {
      name: 'hybrid response without c_hash',
      events: hybridFlow({ fragment: { id_token: await frontChannel(null) } }),
      expect: (f) => expect(f[0]?.message).toContain('no c_hash'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'hybrid with matching c_hash', events: hybridFlow({ fragment: { id_token: await frontChannel(leftHalfS256(CODE)) } }) },
  ],
});
