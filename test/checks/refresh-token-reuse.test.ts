import { expect } from 'vitest';
import check from '../../lib/checks/refresh-token-reuse';
import { describeCheck } from '../support/check-cases';
import { APP, AS, CLIENT_ID, codeFlow, hop } from '../support/events';

const T = 1_700_000_000_000;
function refresh(time: number, token: string, status: number, response: unknown, tabId = 1) {
  return hop({
    url: `${AS}/token`,
    method: 'POST',
    type: 'xmlhttprequest',
    tabId,
    time,
    form: { grant_type: 'refresh_token', refresh_token: token, client_id: CLIENT_ID },
    requestHeaders: [{ name: 'Origin', value: APP }],
    status,
    responseJson: response,
  });
}
const rotated = (next: string) => ({ access_token: `at-${next}`, token_type: 'Bearer', refresh_token: next });

describeCheck(check, {
  fires: [
    {
      name: 'two tabs refresh with the same rotated token',
      events: [...codeFlow({ exchange: 'browser', tokenResponse: rotated('rt-1') }), refresh(T + 60_000, 'rt-1', 200, rotated('rt-2')), refresh(T + 60_050, 'rt-1', 400, { error: 'invalid_grant' }, 2)],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('rotated it to "rt-2"');
        expect(f[0]?.message).toContain('invalid_grant');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'rt-1', expected: 'rt-2' });
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'each refresh uses the newest token', events: [...codeFlow({ exchange: 'browser', tokenResponse: rotated('rt-1') }), refresh(T + 60_000, 'rt-1', 200, rotated('rt-2')), refresh(T + 120_000, 'rt-2', 200, rotated('rt-3'))] },
    { name: 'no rotation: reuse is allowed', events: [refresh(T + 60_000, 'rt-static', 200, { access_token: 'a', token_type: 'Bearer' }), refresh(T + 120_000, 'rt-static', 200, { access_token: 'b', token_type: 'Bearer' })] },
  ],
});
