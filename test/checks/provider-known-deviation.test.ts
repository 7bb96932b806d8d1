import { expect } from 'vitest';
import check from '../../lib/checks/provider-known-deviation';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { PROVIDER_LOGINS } from '../support/provider-logins';
import { brokerEvents, replacing } from '../support/broker-hars';

// The logins come from test/support/provider-logins.ts: hand-built from each provider's documentation.
const login = (name: string) => PROVIDER_LOGINS.find((l) => l.provider === name)!.events;

describeCheck(check, {
  fires: [
    {
      name: 'Supabase broker hop, lowercase s256 and session exchange',
      events: brokerEvents('supabase-github-pkce.har'),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toMatch(/^Supabase Auth: /);
        for (const part of ['provider= and redirect_to=', 'takes no state from the app', 's256', 'grant_type=pkce']) expect(f[0]?.message).toContain(part);
      },
    },
    {
      name: 'GitHub OAuth App login: authorize URL without response_type',
      events: login('github'),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toMatch(/^GitHub: GitHub's authorize endpoint takes no response_type/);
        expect(f[0]?.message).toContain('https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps');
      },
    },
    { name: 'Slack oauth/v2/authorize without response_type', events: login('slack'), expect: (f) => expect(f[0]?.message).toMatch(/^Slack: /) },
    { name: 'Facebook Login dialog without response_type', events: login('facebook'), expect: (f) => expect(f[0]?.message).toMatch(/^Facebook: /) },
    {
      name: 'Sign in with Apple: form_post because name and email are requested',
      events: login('apple'),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toMatch(/^Sign in with Apple: .*form_post.*first authorization/);
        expect(f[0]?.message).toContain('returns an ID Token on every authorization: "openid" is not needed');
      },
    },
    {
      name: 'LinkedIn web login: no code_challenge, because LinkedIn offers PKCE to native apps only',
      events: login('linkedin (3-legged OAuth, no OpenID Connect)'),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toMatch(/^LinkedIn: LinkedIn's authorization code flow for web apps .* takes no code_challenge/);
        expect(f[0]?.message).toContain('https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow-native');
      },
    },
    { name: 'Sign In with LinkedIn using OpenID Connect', events: login('linkedin'), expect: (f) => expect(f[0]?.message).toMatch(/^LinkedIn: /) },
  ],
  silent: [
    {
      name: 'LinkedIn login that sends a code_challenge (the native PKCE flow): nothing to explain',
      events: login('linkedin (3-legged OAuth, no OpenID Connect)').map((e) => (e.kind === 'request' && e.url.includes('/oauth/v2/authorization?') ? { ...e, url: `${e.url}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256` } : e)),
    },
    { name: 'Auth0 brokering to GitHub (connection=): nothing Auth0 deviates in', events: brokerEvents('auth0-connection-github.har') },
    { name: 'Google login (no documented deviation shown)', events: login('google') },
    { name: 'the demo-style login at an unprofiled provider', events: codeFlow() },
    { name: 'an unprofiled provider without response_type is not excused', events: codeFlow({ authorizeParams: { response_type: null } }) },
  ],
});
