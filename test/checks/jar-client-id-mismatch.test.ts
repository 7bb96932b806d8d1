import { expect } from 'vitest';
import check from '../../lib/checks/jar-client-id-mismatch';
import { describeCheck } from '../support/check-cases';
import { AS, chain, codeFlow, REDIRECT_URI } from '../support/events';
import { discovery } from '../support/authorize-flows';

/** An unsigned-looking compact JWS; only decoding matters here (RFC 9101 §4). */
function requestObject(claims: Record<string, unknown>): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${enc({ alg: 'RS256', kid: 'k1' })}.${enc(claims)}.c2lnbmF0dXJl`;
}
const claims = { iss: 'web-app', aud: AS, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', state: 'jar-Aa1Bb2Cc3Dd4Ee5Ff6' };
const jarLogin = (query: Record<string, string>) =>
  chain([
    { url: `${AS}/authorize?${new URLSearchParams(query)}`, status: 303, location: `${AS}/interaction/j1` },
    { url: `${AS}/interaction/j1` },
  ]);

describeCheck(check, {
  fires: [
    {
      name: 'request object for another client',
      events: jarLogin({ client_id: 'web-app', request: requestObject({ ...claims, client_id: 'mobile-app' }) }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'mobile-app', expected: 'web-app' }),
    },
    {
      name: 'request_uri without client_id in the query (endpoint known from discovery)',
      events: [discovery(), ...jarLogin({ request_uri: 'https://app.example.com/requests/r1', response_type: 'code' })],
      expect: (f) => expect(f[0]?.message).toContain('no client_id in the query'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'matching client_id', events: jarLogin({ client_id: 'web-app', request: requestObject({ ...claims, client_id: 'web-app' }) }) },
  ],
});
