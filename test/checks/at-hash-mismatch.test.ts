import { expect } from 'vitest';
import check from '../../lib/checks/at-hash-mismatch';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { ACCESS_TOKEN, hybridFlow, leftHalfS256, oidcCodeFlow, signIdToken } from '../support/oidc';

const IMPLICIT_AT = 'implicit-at-7f3a9c';

describeCheck(check, {
  fires: [
    {
      name: 'ID Token issued with another access token',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { at_hash: leftHalfS256('some-other-access-token') } }) }),
      expect: (f) => {
        expect(f[0]?.evidence[0]).toMatchObject({ value: leftHalfS256('some-other-access-token'), expected: leftHalfS256(ACCESS_TOKEN) });
        expect(f[0]?.message).toContain('SHA-256');
      },
    },
    {
      name: 'implicit id_token token without at_hash',
      events: hybridFlow({ responseType: 'id_token token', fragment: { code: null, access_token: IMPLICIT_AT, token_type: 'Bearer', id_token: await signIdToken({ claims: { at_hash: null } }) } }),
      expect: (f) => expect(f[0]?.message).toContain('no at_hash'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange (at_hash matches)', events: await oidcCodeFlow() },
    { name: 'code flow token response without at_hash (optional there)', events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { at_hash: null } }) }) },
    {
      name: 'implicit with a matching at_hash',
      events: hybridFlow({ responseType: 'id_token token', fragment: { code: null, access_token: IMPLICIT_AT, token_type: 'Bearer', id_token: await signIdToken({ claims: { at_hash: leftHalfS256(IMPLICIT_AT) } }) } }),
    },
  ],
});
