import { expect } from 'vitest';
import check from '../../lib/checks/redirect-uri-has-fragment';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'hash-routed SPA callback',
      events: codeFlow({ authorizeParams: { redirect_uri: 'https://app.example.com/#/callback' }, callbackUrl: 'https://app.example.com/' }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'https://app.example.com/#/callback', expected: 'https://app.example.com/' }),
    },
  ],
  silent: [{ name: 'clean code flow', events: codeFlow() }],
});
