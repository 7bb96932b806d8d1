import { expect } from 'vitest';
import check from '../../lib/checks/auth-time-exceeds-max-age';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { NOW_S, oidcCodeFlow, signIdToken } from '../support/oidc';

describeCheck(check, {
  fires: [
    {
      name: 'max_age=300 but the session is an hour old',
      events: await oidcCodeFlow({ authorizeParams: { max_age: '300' }, idToken: await signIdToken({ claims: { auth_time: NOW_S - 3600 } }) }),
      expect: (f) => expect(f[0]?.message).toMatch(/360\d s before the token arrived/),
    },
    {
      name: 'max_age without auth_time',
      events: await oidcCodeFlow({ authorizeParams: { max_age: '300' }, idToken: await signIdToken({ claims: { auth_time: null } }) }),
      expect: (f) => expect(f[0]?.message).toContain('no auth_time'),
    },
    {
      name: 'prompt=login answered from an old session',
      events: await oidcCodeFlow({ authorizeParams: { prompt: 'login' }, idToken: await signIdToken({ claims: { auth_time: NOW_S - 86_400 } }) }),
      expect: (f) => expect(f[0]?.message).toContain('not re-authenticated'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean OIDC browser exchange', events: await oidcCodeFlow() },
    { name: 'max_age=300 with a fresh login', events: await oidcCodeFlow({ authorizeParams: { max_age: '300' } }) },
    { name: 'prompt=login with a fresh login', events: await oidcCodeFlow({ authorizeParams: { prompt: 'login' } }) },
  ],
});
