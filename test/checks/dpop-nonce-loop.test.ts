import { expect } from 'vitest';
import check from '../../lib/checks/dpop-nonce-loop';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { ath, dpopProof } from '../support/dpop';
import { APP, codeFlow, hop } from '../support/events';

const T = 1_700_000_000_000;
const API = 'https://api.example.com/orders';

/** API calls after a login: each sends a proof with `nonce` and gets `status` (401 = use_dpop_nonce with `offer`). */
function calls(list: Array<{ nonce?: string; status: number; offer?: string }>): CapturedEvent[] {
  return [
    ...codeFlow({ exchange: 'browser', tokenResponse: { access_token: 'at-123', token_type: 'DPoP' } }),
    ...list.map((c, i) =>
      hop({
        url: API,
        type: 'xmlhttprequest',
        time: T + 5000 + i * 200,
        requestHeaders: [{ name: 'Authorization', value: 'DPoP at-123' }, { name: 'Origin', value: APP }, { name: 'DPoP', value: dpopProof({ htm: 'GET', htu: API, iat: Math.floor((T + 5000) / 1000), ath: ath('at-123'), ...(c.nonce ? { nonce: c.nonce } : {}) }) }],
        status: c.status,
        responseHeaders: c.status === 401 ? [{ name: 'WWW-Authenticate', value: 'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"' }, ...(c.offer ? [{ name: 'DPoP-Nonce', value: c.offer }] : [])] : [],
      }),
    ),
  ];
}

describeCheck(check, {
  fires: [
    {
      name: 'retry without the nonce, refused again',
      events: calls([{ status: 401, offer: 'n-1' }, { status: 401, offer: 'n-2' }, { status: 401, offer: 'n-3' }]),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('use_dpop_nonce 3 times');
        expect(f[0]?.evidence[0]).toMatchObject({ value: '(none)', expected: 'n-1' });
      },
    },
    { name: 'retry with a stale nonce', events: calls([{ status: 401, offer: 'n-1' }, { nonce: 'n-0', status: 401, offer: 'n-2' }]), expect: (f) => expect(f[0]?.message).toContain('nonce "n-0"') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'nonce handshake: one challenge, retry with the nonce succeeds', events: calls([{ status: 401, offer: 'n-1' }, { nonce: 'n-1', status: 200 }]) },
    { name: 'server rotates the nonce and the client follows it', events: calls([{ status: 401, offer: 'n-1' }, { nonce: 'n-1', status: 401, offer: 'n-2' }, { nonce: 'n-2', status: 200 }]) },
  ],
});
