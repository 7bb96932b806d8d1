import { expect } from 'vitest';
import check from '../../lib/checks/id-token-iss-mismatch';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow } from '../support/events';
import { oidcCodeFlow, signIdToken } from '../support/oidc';

const TEMPLATE = `${AS}/{tenantid}/v2.0`;
const TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

describeCheck(check, {
  fires: [
    {
      name: 'trailing slash',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { iss: `${AS}/` } }) }),
      expect: (f) => {
        expect(f[0]?.message).toContain(`iss "${AS}/"`);
        expect(f[0]?.evidence[0]).toMatchObject({ value: `${AS}/`, expected: AS });
      },
    },
    {
      name: 'multi-tenant template with a token from another tenant',
      events: await oidcCodeFlow({ discovery: { issuer: TEMPLATE }, idToken: await signIdToken({ claims: { iss: `${AS}/00000000-other/v2.0`, tid: TENANT } }) }),
      expect: (f) => expect(f[0]?.evidence[0]?.expected).toBe(`${AS}/${TENANT}/v2.0`),
    },
    {
      name: 'no discovery: differs from the callback iss (RFC 9207)',
      events: await oidcCodeFlow({ discovery: false, idToken: await signIdToken({ claims: { iss: 'https://evil.example.net' } }) }),
      expect: (f) => expect(f[0]?.message).toContain('callback iss'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'multi-tenant template with the token tenant', events: await oidcCodeFlow({ discovery: { issuer: TEMPLATE }, idToken: await signIdToken({ claims: { iss: `${AS}/${TENANT}/v2.0`, tid: TENANT } }) }) },
  ],
});
