import { expect } from 'vitest';
import check from '../../lib/checks/id-token-issued-in-future';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { NOW_S, TOKEN_TIME, oidcCodeFlow, signIdToken } from '../support/oidc';

/** Add the authorization server's Date header to the token response. */
function withDate(events: CapturedEvent[], epochSeconds: number): CapturedEvent[] {
  const date = new Date(epochSeconds * 1000).toUTCString();
  return events.map((e) => (e.kind === 'request' && e.url.endsWith('/token') ? { ...e, responseHeaders: [...(e.responseHeaders ?? []), { name: 'Date', value: date }] } : e));
}
const future = await signIdToken({ claims: { iat: NOW_S + 900, exp: NOW_S + 4500, auth_time: NOW_S + 898 } });

describeCheck(check, {
  fires: [
    {
      name: "server's Date agrees with iat: local clock behind",
      events: withDate(await oidcCodeFlow({ idToken: future }), NOW_S + 900),
      expect: (f) => {
        expect(f[0]?.message).toMatch(/iat .*, 9\d\d s after it was received/);
        expect(f[0]?.message).toContain("this machine's clock is behind");
      },
    },
    {
      name: "server's Date agrees with local time: server clock ahead",
      events: withDate(await oidcCodeFlow({ idToken: future }), Math.floor(TOKEN_TIME / 1000)),
      expect: (f) => expect(f[0]?.message).toContain("authorization server's token clock is ahead"),
    },
    {
      name: 'nbf in the future, no Date header',
      events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { nbf: NOW_S + 900 } }) }),
      expect: (f) => expect(f[0]?.message).toContain('unknown whose clock'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'iat 60 s ahead, within skew', events: await oidcCodeFlow({ idToken: await signIdToken({ claims: { iat: NOW_S + 60 } }) }) },
  ],
});
