import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { CHECKS } from '../../lib/checks/index';
import type { CapturedEvent } from '../../lib/model/event';
import { APP, AS, codeFlow, REDIRECT_URI } from '../support/events';

const CALLBACK_CHECKS = CHECKS.filter((c) => c.section === 'callback');

/** URLs that are partly meaningful, partly garbage: the callback group must never throw on them. */
const url = fc.oneof(
  fc.string(),
  fc.constantFrom(`${REDIRECT_URI}?code=c&state=s`, `${REDIRECT_URI}#access_token=%E0%A4%A&state=`, `${AS}/authorize?client_id=x&response_type=code&redirect_uri=%%%`, 'http://[::1', `${APP}/?state=`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
const header = fc.record({
  name: fc.constantFrom('Set-Cookie', 'Cookie', 'Referer', 'Origin', 'Sec-Fetch-Site', 'X-Frame-Options', 'Content-Security-Policy', 'Cross-Origin-Opener-Policy', 'Location', 'X'),
  value: fc.oneof(fc.string(), fc.constantFrom('a=b; SameSite=None', "frame-ancestors 'self' *.", 'null', 'same-origin', '=;;', 'DENY')),
});
const request = fc.record({
  url,
  method: fc.constantFrom('GET', 'POST', 'get', ''),
  type: fc.constantFrom('main_frame', 'sub_frame', 'script', 'xmlhttprequest', 'image'),
  tabId: fc.integer({ min: -1, max: 3 }),
  frameId: fc.integer({ min: 0, max: 2 }),
  status: fc.constantFrom(200, 302, 307, 400),
  redirectUrl: fc.option(url, { nil: undefined }),
  headers: fc.array(header, { maxLength: 4 }),
  form: fc.array(fc.record({ name: fc.constantFrom('code', 'state', 'password', 'error', 'id_token', 'access_token', 'iss'), value: fc.string() }), { maxLength: 4 }),
  time: fc.integer({ min: 0, max: 10_000_000 }),
});

describe('callback group on hostile input', () => {
  it('never throws (no "could not run" findings)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { maxLength: 12 }), async (raw) => {
        const events: CapturedEvent[] = [
          ...codeFlow({ exchange: 'browser' }),
          ...raw.map((r, i): CapturedEvent => ({
            kind: 'request',
            id: `h${i}`,
            requestId: `hr${i % 4}`,
            tabId: r.tabId,
            frameId: r.frameId,
            parentFrameId: -1,
            type: r.type,
            method: r.method,
            url: r.url,
            requestHeaders: r.headers,
            responseHeaders: r.headers,
            requestBody: { kind: 'form', fields: r.form },
            status: r.status,
            ...(r.redirectUrl !== undefined ? { redirectUrl: r.redirectUrl } : {}),
            startTime: 1_700_000_000_000 + r.time,
          })),
          { kind: 'navigation', id: 'nav', event: 'tab-removed', tabId: 2, frameId: 0, parentFrameId: -1, url: '::', time: 1_700_000_001_000 },
        ];
        const { flows } = await analyzeEvents(events, {}, CALLBACK_CHECKS);
        const crashed = flows.flatMap((f) => f.findings).filter((f) => f.message.startsWith('Internal error'));
        expect(crashed.map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
