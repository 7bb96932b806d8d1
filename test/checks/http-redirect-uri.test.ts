import { expect } from 'vitest';
import check from '../../lib/checks/http-redirect-uri';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'production app behind a TLS proxy sends http redirect_uri',
      events: codeFlow({ authorizeParams: { redirect_uri: 'http://app.example.com/callback' } }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'http://app.example.com/callback', expected: 'https://app.example.com/callback' }),
    },
    {
      name: 'callback lands on http although https was sent',
      events: codeFlow({ callbackUrl: 'http://app.example.com/callback' }),
      expect: (f) => expect(f[0]?.message).toContain('callback landed'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'loopback IP', events: codeFlow({ authorizeParams: { redirect_uri: 'http://127.0.0.1:8765/cb' } }) },
    { name: 'localhost dev server', events: codeFlow({ authorizeParams: { redirect_uri: 'http://localhost:3000/callback' } }) },
    { name: 'IPv6 loopback', events: codeFlow({ authorizeParams: { redirect_uri: 'http://[::1]:8765/cb' } }) },
  ],
});
