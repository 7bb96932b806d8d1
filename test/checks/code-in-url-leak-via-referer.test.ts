import { expect } from 'vitest';
import check from '../../lib/checks/code-in-url-leak-via-referer';
import { describeCheck } from '../support/check-cases';
import type { CapturedEvent } from '../../lib/model/event';
import { AS, CODE, codeFlow, hop, REDIRECT_URI, seenByPageOnly, STATE } from '../support/events';

const T = 1_700_000_000_000;
const callbackUrl = `${REDIRECT_URI}?code=${CODE}&state=${STATE}&iss=${encodeURIComponent(AS)}`;

function thirdParty(referer: string, url = 'https://cdn.tracker.example/pixel.gif') {
  return hop({ url, type: 'image', time: T + 2400, requestHeaders: [{ name: 'Referer', value: referer }] });
}

/** The login with its callback's response headers as the browser reported them. */
function callbackAnswered(events: CapturedEvent[], headers: Array<{ name: string; value: string }>): CapturedEvent[] {
  return events.map((e) => (e.kind === 'request' && e.url === callbackUrl ? { ...e, responseHeaders: headers } : e));
}

/** The login with its callback document seen by the page only: its response headers (Referrer-Policy) are unknown. */
function callbackSeenByPageOnly(events: CapturedEvent[]): CapturedEvent[] {
  return events.map((e) => (e.kind === 'request' && e.url === callbackUrl ? seenByPageOnly(e, 'navigation-timing') : e));
}

describeCheck(check, {
  fires: [
    {
      name: 'callback page loads a third-party image with the full callback URL as Referer',
      events: callbackAnswered([...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl)], [{ name: 'Content-Type', value: 'text/html' }]),
      expect: (f) => {
        expect(f[0]?.message).toContain('https://cdn.tracker.example');
        expect(f[0]?.evidence[1]).toMatchObject({ value: '(none sent)', expected: 'no-referrer' });
      },
    },
    {
      name: 'the callback sent Referrer-Policy: unsafe-url',
      events: callbackAnswered([...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl)], [{ name: 'Referrer-Policy', value: 'unsafe-url' }]),
      expect: (f) => expect(f[0]?.evidence[1]).toMatchObject({ value: 'unsafe-url' }),
    },
    {
      name: 'callback recorded without any response header (a HAR that kept none): the Referrer-Policy is not known',
      events: [...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl)],
      expect: (f) => expect(f[0]?.evidence[1]).toMatchObject({ value: 'not known (response headers not captured)' }),
    },
    {
      name: 'callback seen by the page only: the leak is in the third party\'s Referer, the callback\'s Referrer-Policy is not known (never "none sent")',
      events: callbackSeenByPageOnly([...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl)]),
      expect: (f) => {
        expect(f[0]?.message).toContain('Callback Referrer-Policy: not known (response headers not captured).');
        expect(f[0]?.evidence[1]).toMatchObject({ value: 'not known (response headers not captured)', expected: 'no-referrer' });
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'modern default policy: only the origin is sent', events: [...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty('https://app.example.com/')] },
    { name: 'same-origin request with the full URL', events: [...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl, 'https://app.example.com/app.js')] },
    { name: 'request to the authorization server itself', events: [...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl, `${AS}/jwks`)] },
    { name: 'garbage Referer', events: [...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty('%%%not a url')] },
  ],
});
