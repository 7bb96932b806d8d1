import { expect } from 'vitest';
import check from '../../lib/checks/token-endpoint-cors-blocked';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, AS, codeFlow, hop } from '../support/events';

const T = 1_700_000_000_000;
const ACAO = (value: string) => [{ name: 'Access-Control-Allow-Origin', value }, { name: 'Cache-Control', value: 'no-store' }];
function tokenHeaders(events: CapturedEvent[], headers: { name: string; value: string }[], extra: object = {}): CapturedEvent[] {
  return events.map((e) => (e.kind === 'request' && e.url.endsWith('/token') ? { ...e, responseHeaders: headers, ...extra } : e)) as CapturedEvent[];
}
const preflight = (status: number, headers: { name: string; value: string }[] = []) =>
  hop({ url: `${AS}/token`, method: 'OPTIONS', type: 'xmlhttprequest', time: T + 2290, status, requestHeaders: [{ name: 'Origin', value: APP }], responseHeaders: headers });

describeCheck(check, {
  fires: [
    {
      name: 'preflight rejected',
      events: [...codeFlow({ exchange: 'browser' }), preflight(403)],
      expect: (f) => expect(f[0]?.message).toContain('preflight OPTIONS was answered with HTTP 403'),
    },
    {
      name: 'response allows another origin',
      events: tokenHeaders(codeFlow({ exchange: 'browser' }), ACAO('https://other.example.com')),
      expect: (f) => {
        expect(f[0]?.message).toContain('"https://other.example.com", not "https://app.example.com"');
        expect(f[0]?.evidence[1]).toMatchObject({ value: 'https://other.example.com', expected: APP });
      },
    },
    {
      name: 'no ACAO and the browser reports a failure',
      events: tokenHeaders(codeFlow({ exchange: 'browser' }), [{ name: 'Content-Type', value: 'application/json' }], { error: 'net::ERR_FAILED' }),
    },
    {
      name: 'Entra refuses cross-origin redemption (AADSTS9002326)',
      events: codeFlow({ exchange: 'browser', tokenStatus: 400, tokenResponse: { error: 'invalid_request', error_description: "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type." } }),
      expect: (f) => expect(f[0]?.message).toContain('AADSTS9002326'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'browser exchange allowed for the app origin', events: [...tokenHeaders(codeFlow({ exchange: 'browser' }), ACAO(APP)), preflight(204, ACAO(APP))] },
    { name: 'wildcard ACAO', events: tokenHeaders(codeFlow({ exchange: 'browser' }), ACAO('*')) },
  ],
});
