import { expect } from 'vitest';
import check from '../../lib/checks/redirect-uri-wildcard-or-open-redirect';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

/** The callback answers 302 to wherever `next` pointed. */
function forwardingCallback(next: string) {
  const events = codeFlow({ authorizeParams: { redirect_uri: 'https://app.example.com/callback' }, callbackParams: { next } });
  return events.map((e) => (e.kind === 'request' && e.url.startsWith('https://app.example.com/callback?') ? { ...e, redirectUrl: next } : e));
}

describeCheck(check, {
  fires: [
    { name: 'wildcard in redirect_uri', events: codeFlow({ authorizeParams: { redirect_uri: 'https://*.app.example.com/callback' }, callbackUrl: 'https://eu.app.example.com/callback' }), expect: (f) => expect(f[0]?.message).toContain('wildcard') },
    { name: 'returnTo inside redirect_uri', events: codeFlow({ authorizeParams: { redirect_uri: 'https://app.example.com/callback?returnTo=https://app.example.com/billing' } }), expect: (f) => expect(f[0]?.message).toContain('returnTo=https://app.example.com/billing') },
    { name: 'callback forwards to another origin from a parameter', events: forwardingCallback('https://evil.example.net/steal'), expect: (f) => expect(f[0]?.message).toContain('https://evil.example.net/steal') },
    {
      name: 'server accepted a path suffix for the same client',
      events: [
        ...codeFlow({ authorizeParams: { state: 'one-Aa1Bb2Cc3Dd4Ee5Ff6' } }),
        ...codeFlow({ authorizeParams: { state: 'two-Aa1Bb2Cc3Dd4Ee5Ff6', redirect_uri: 'https://app.example.com/callback/evil' }, startTime: 1_700_000_050_000 }),
      ],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('path /callback/evil vs /callback (suffix)');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'callback redirects within the app', events: forwardingCallback('https://app.example.com/home') },
  ],
});
