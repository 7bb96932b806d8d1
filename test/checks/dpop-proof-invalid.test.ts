import { expect } from 'vitest';
import check from '../../lib/checks/dpop-proof-invalid';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { ath, dpopProof } from '../support/dpop';
import { APP, AS, codeFlow, hop } from '../support/events';

const T = 1_700_000_000_000;
const API = 'https://api.example.com/orders';
const iat = (ms: number) => Math.floor(ms / 1000);

/** A browser login whose token request carries `tokenProof`, then an API call with `apiProof` and this scheme. */
function dpopFlow(tokenProof: string, apiProof: string | null, scheme = 'DPoP', tokenType = 'DPoP'): CapturedEvent[] {
  const events = codeFlow({ exchange: 'browser', tokenResponse: { access_token: 'at-123', token_type: tokenType, expires_in: 3600 } });
  const withProof = events.map((e) => (e.kind === 'request' && e.url === `${AS}/token` ? { ...e, requestHeaders: [...(e.requestHeaders ?? []), { name: 'DPoP', value: tokenProof }] } : e));
  return [
    ...withProof,
    hop({ url: `${API}?page=2`, type: 'xmlhttprequest', time: T + 5000, requestHeaders: [{ name: 'Authorization', value: `${scheme} at-123` }, { name: 'Origin', value: APP }, ...(apiProof ? [{ name: 'DPoP', value: apiProof }] : [])] }),
  ];
}

const goodToken = () => dpopProof({ htm: 'POST', htu: `${AS}/token`, iat: iat(T + 2300) });
const goodApi = () => dpopProof({ htm: 'GET', htu: API, iat: iat(T + 5000), ath: ath('at-123') });

describeCheck(check, {
  fires: [
    {
      name: 'htu includes the query string',
      events: dpopFlow(goodToken(), dpopProof({ htm: 'GET', htu: `${API}?page=2`, iat: iat(T + 5000), ath: ath('at-123') })),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.evidence[0]).toMatchObject({ label: 'htu', value: `${API}?page=2` });
      },
    },
    {
      name: 'token-endpoint proof with alg HS256, wrong htm, stale iat, private key in jwk',
      events: dpopFlow(dpopProof({ htm: 'GET', htu: `${AS}/token`, iat: iat(T - 3_600_000) }, { alg: 'HS256', jwk: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'secret' } }), goodApi()),
      expect: (f) => expect(f[0]?.evidence.map((e) => e.label)).toEqual(['alg', 'jwk', 'htm', 'iat']),
    },
    { name: 'ath does not match the access token', events: dpopFlow(goodToken(), dpopProof({ htm: 'GET', htu: API, iat: iat(T + 5000), ath: ath('another-token') })), redactionLoses: 'ath and the access token are tags; no ath relation is recorded before redaction', expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ label: 'ath', expected: ath('at-123') }) },
    { name: 'typ missing and not a JWT', events: dpopFlow(dpopProof({ htm: 'POST', htu: `${AS}/token`, iat: iat(T + 2300) }, { typ: 'JWT' }), 'not-a-jwt'), expect: (f) => expect(f).toHaveLength(2) },
    {
      name: 'same proof (jti) replayed',
      events: (() => {
        const p = goodApi();
        const events = dpopFlow(goodToken(), p);
        return [...events, hop({ url: API, type: 'xmlhttprequest', time: T + 6000, requestHeaders: [{ name: 'Authorization', value: 'DPoP at-123' }, { name: 'DPoP', value: p }] })];
      })(),
      expect: (f) => expect(f.some((x) => x.message.includes('already used by GET'))).toBe(true),
    },
    { name: 'DPoP-bound token sent as Bearer', events: dpopFlow(goodToken(), null, 'Bearer'), expect: (f) => expect(f[0]?.message).toContain('sent as "Authorization: Bearer"') },
    { name: 'Authorization: DPoP without a proof header', events: dpopFlow(goodToken(), null), expect: (f) => expect(f[0]?.evidence[0]?.label).toBe('DPoP header') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'valid proofs at the token endpoint and the API', events: dpopFlow(goodToken(), goodApi()) },
    { name: 'Bearer token sent as Bearer', events: dpopFlow(goodToken(), null, 'Bearer', 'Bearer') },
  ],
});
