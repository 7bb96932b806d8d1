import { expect } from 'vitest';
import check from '../../lib/checks/id-token-signature-invalid';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { KID, oidcCodeFlow, signIdToken, strangerKey } from '../support/oidc';

const forged = await signIdToken({ key: strangerKey });
const genuine = await signIdToken();
const [h, , s] = genuine.split('.');
const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString()), sub: 'admin' })).toString('base64url')}.${s}`;

describeCheck(check, {
  fires: [
    { name: 'signed by a key the issuer does not hold', events: await oidcCodeFlow({ idToken: forged }), redactionLoses: 'the signature is removed on export (docs/trace-format.md "JWTs")', expect: (f) => expect(f[0]?.message).toContain(`key "${KID}"`) },
    { name: 'payload altered after signing', events: await oidcCodeFlow({ idToken: tampered }), redactionLoses: 'the signature is removed on export (docs/trace-format.md "JWTs")' },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'forged but no JWKS captured (cannot tell)', events: await oidcCodeFlow({ idToken: forged, jwks: false }) },
  ],
});
