import { expect } from 'vitest';
import check from '../../lib/checks/code-exchanged-late';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

/** Move the token request `ms` later than codeFlow puts it (callback at +2100 ms). */
function delayToken(events: CapturedEvent[], ms: number): CapturedEvent[] {
  const token = events[events.length - 1]!;
  if (token.kind !== 'request') return events;
  return [...events.slice(0, -1), { ...token, startTime: token.startTime + ms, endTime: (token.endTime ?? token.startTime) + ms }];
}

describeCheck(check, {
  fires: [
    {
      name: 'redeemed after 90 s',
      events: delayToken(codeFlow({ exchange: 'browser' }), 90_000),
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('90 s later');
      },
    },
    {
      name: 'redeemed after 11 minutes',
      events: delayToken(codeFlow({ exchange: 'browser' }), 660_000),
      expect: (f) => expect(f[0]?.severity).toBe('error'),
    },
    {
      name: 'server says the code expired',
      events: delayToken(codeFlow({ exchange: 'browser', tokenStatus: 400, tokenResponse: { error: 'invalid_grant', error_description: 'Authorization code is expired' } }), 70_000),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('expired');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'redeemed within a second', events: codeFlow({ exchange: 'browser' }) },
    { name: 'redeemed after 50 s', events: delayToken(codeFlow({ exchange: 'browser' }), 50_000) },
  ],
});
