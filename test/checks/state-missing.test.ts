import { expect } from 'vitest';
import check from '../../lib/checks/state-missing';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { brokerEvents, replacing } from '../support/broker-hars';

describeCheck(check, {
  fires: [
    {
      name: 'no state but PKCE: warning',
      events: codeFlow({ authorizeParams: { state: null }, callbackParams: { state: null } }),
      expect: (f) => expect(f[0]?.severity).toBe('warning'),
    },
    {
      name: 'no state, no PKCE, no nonce: error',
      events: codeFlow({ authorizeParams: { state: null, nonce: null, code_challenge: null, code_challenge_method: null }, callbackParams: { state: null } }),
      expect: (f) => expect(f[0]?.severity).toBe('error'),
    },
    {
      name: 'Supabase broker hop without code_challenge (implicit): nothing protects it, broker or not',
      events: brokerEvents('supabase-github-pkce.har', replacing('&code_challenge=M1RnCZB9Ey8VczJt_fGMw8hNbgtCeX-TrtcUxoc9tDI&code_challenge_method=s256', '')),
      expect: (f) => expect(f[0]?.severity).toBe('error'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    // Supabase signs its own state for the upstream provider and takes none from the app (provider-known-deviation reports it).
    { name: 'Supabase broker hop with PKCE: the broker keeps the state', events: brokerEvents('supabase-github-pkce.har') },
  ],
});
