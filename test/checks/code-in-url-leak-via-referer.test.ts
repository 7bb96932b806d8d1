import { expect } from 'vitest';
import check from '../../lib/checks/code-in-url-leak-via-referer';
import { describeCheck } from '../support/check-cases';
import { AS, CODE, codeFlow, hop, REDIRECT_URI, STATE } from '../support/events';

const T = 1_700_000_000_000;
const callbackUrl = `${REDIRECT_URI}?code=${CODE}&state=${STATE}&iss=${encodeURIComponent(AS)}`;

function thirdParty(referer: string, url = 'https://cdn.tracker.example/pixel.gif') {
  return hop({ url, type: 'image', time: T + 2400, requestHeaders: [{ name: 'Referer', value: referer }] });
}

describeCheck(check, {
  fires: [
    {
      name: 'callback page loads a third-party image with the full callback URL as Referer',
      events: [...codeFlow({ startTime: T, exchange: 'browser' }), thirdParty(callbackUrl)],
      expect: (f) => {
        expect(f[0]?.message).toContain('https://cdn.tracker.example');
        expect(f[0]?.evidence[1]).toMatchObject({ value: '(none sent)', expected: 'no-referrer' });
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
