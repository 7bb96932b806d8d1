import { expect } from 'vitest';
import check from '../../lib/checks/cookie-samesite-none-insecure';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, codeFlow } from '../support/events';

/** codeFlow with the app's /login Set-Cookie replaced. */
function withLoginCookie(...values: string[]): CapturedEvent[] {
  return codeFlow().map((e) => (e.kind === 'request' && e.url === `${APP}/login` ? { ...e, responseHeaders: values.map((value) => ({ name: 'Set-Cookie', value })) } : e));
}

describeCheck(check, {
  fires: [
    {
      name: 'SameSite=None without Secure',
      events: withLoginCookie('tx=secret-value; Path=/; SameSite=None'),
      expect: (f) => {
        expect(f[0]?.message).toContain('"tx"');
        expect(f[0]?.evidence[0]?.value).toBe('Path=/; SameSite=None');
        expect(JSON.stringify(f)).not.toContain('secret-value');
      },
    },
    { name: 'lower-case attribute, folded header', events: withLoginCookie('a=1; samesite=none\nb=2; SameSite=None; Secure'), expect: (f) => expect(f).toHaveLength(1) },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'SameSite=None; Secure', events: withLoginCookie('tx=1; SameSite=None; Secure') },
    { name: 'garbage Set-Cookie', events: withLoginCookie(';;;', '=; SameSite=None', 'x') },
  ],
});
