import { expect } from 'vitest';
import check from '../../lib/checks/state-weak';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

const withState = (state: string) => codeFlow({ authorizeParams: { state } });
const json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describeCheck(check, {
  fires: [
    { name: 'short state', events: withState('abc123'), expect: (f) => expect(f[0]?.message).toContain('only 6 characters') },
    { name: 'millisecond timestamp', events: withState('1700000000123'), expect: (f) => expect(f[0]?.message).toContain('Unix timestamp') },
    { name: 'return URL as state', events: withState('https://app.example.com/dashboard'), redactionLoses: 'a tag keeps only length and charset, not words, URLs or encoded data', expect: (f) => expect(f[0]?.message).toContain('URL or path') },
    { name: 'readable route name', events: withState('return-to-dashboard'), redactionLoses: 'a tag keeps only length and charset, not words, URLs or encoded data', expect: (f) => expect(f[0]?.message).toContain('no random part') },
    { name: 'base64 of readable JSON', events: withState(json({ returnTo: '/settings/profile' })), redactionLoses: 'a tag keeps only length and charset, not words, URLs or encoded data', expect: (f) => expect(f[0]?.message).toContain('base64url of readable data') },
    {
      name: 'same random state in two flows (reported once, on the later flow)',
      events: [...codeFlow({ startTime: 1_700_000_000_000 }), ...codeFlow({ startTime: 1_700_000_060_000 })],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('already sent by 1 earlier');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'uuid state', events: withState('550e8400-e29b-41d4-a716-446655440000') },
    { name: 'hex state', events: withState('9f86d081884c7d659a2feaa0c55ad015') },
    { name: 'random part plus app data', events: withState(json({ id: 'b1f2c3d4-0a9e-4c1b-8f7e-1234567890ab', meta: { interactionType: 'redirect' } })) },
  ],
});
