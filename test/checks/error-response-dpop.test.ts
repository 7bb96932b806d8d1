import { expect } from 'vitest';
import check from '../../lib/checks/error-response-dpop';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { codeFlow, hop } from '../support/events';

const T = 1_700_000_000_000;
const NONCE_HEADERS = [{ name: 'DPoP-Nonce', value: 'eyJ7S_zG.eyJH0-Z.HX4w-7v' }];

/** The resource call after a clean login, answered in turn by each of `answers`. */
function apiCalls(answers: Array<{ status: number; header?: string }>): CapturedEvent[] {
  return [
    ...codeFlow({ exchange: 'browser' }),
    ...answers.map((a, i) =>
      hop({
        url: 'https://api.example.com/orders',
        type: 'xmlhttprequest',
        time: T + 5000 + i * 100,
        requestHeaders: [{ name: 'Authorization', value: 'DPoP at-123' }, { name: 'DPoP', value: 'x.y.z' }],
        status: a.status,
        responseHeaders: a.header ? [{ name: 'WWW-Authenticate', value: a.header }, ...NONCE_HEADERS] : [],
      }),
    ),
  ];
}

describeCheck(check, {
  fires: [
    { name: 'invalid_dpop_proof at the token endpoint', events: codeFlow({ exchange: 'browser', tokenStatus: 400, tokenResponse: { error: 'invalid_dpop_proof', error_description: 'invalid htu' } }), expect: (f) => expect(f[0]?.severity).toBe('error') },
    {
      name: 'use_dpop_nonce twice in a row: error',
      events: apiCalls([{ status: 401, header: 'DPoP error="use_dpop_nonce"' }, { status: 401, header: 'DPoP error="use_dpop_nonce"' }]),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('DPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v');
      },
    },
    {
      name: 'nonce challenge answered by a successful retry: info',
      events: apiCalls([{ status: 401, header: 'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"' }, { status: 200 }]),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('expected nonce handshake');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'DPoP resource call that succeeds', events: apiCalls([{ status: 200 }]) },
    { name: 'a Bearer error is not a DPoP error', events: apiCalls([{ status: 401, header: 'Bearer error="invalid_token"' }]) },
  ],
});
