import { expect } from 'vitest';
import check from '../../lib/checks/callback-error-without-request';
import { describeCheck } from '../support/check-cases';
import { chain, codeFlow, hop, STATE } from '../support/events';

// HAND-BUILT from GitHub's documentation ("Troubleshooting authorization request errors",
// docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors):
// "If you provide a redirect_uri that doesn't match what you've registered with your application,
// GitHub will redirect to the registered callback URL with the following parameters summarizing
// the error": error=redirect_uri_mismatch, error_description, error_uri, state.
const GITHUB_ERROR = (state: string | null) =>
  `https://app.example/auth/github/callback?${new URLSearchParams({
    error: 'redirect_uri_mismatch',
    error_description: 'The redirect_uri MUST match the registered callback URL for this application.',
    error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch',
    ...(state ? { state } : {}),
  }).toString()}`;
const T = 1_700_000_000_000;

/** The login began on www.app.example (not captured: capture started late, or another browser profile). */
const fromGitHub = (state: string | null) => chain([{ url: 'https://github.com/login/oauth/authorize', time: T, type: 'main_frame', status: 302 }, { url: GITHUB_ERROR(state), time: T + 80, status: 404 }]).slice(1);

describeCheck(check, {
  fires: [
    {
      name: 'GitHub redirect_uri_mismatch at the registered callback, with state',
      events: fromGitHub(STATE),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toMatch(/^The error came back to https:\/\/app\.example\/auth\/github\/callback, the registered callback, but no authorization request for it was captured: error=redirect_uri_mismatch/);
        expect(f[0]?.message).toContain('redirect_uri_mismatch (GitHub): the redirect_uri must match the registered callback URL');
        expect(f[0]?.evidence.map((e) => e.label)).toEqual(['error', 'error_description', 'error_uri', 'callback that received it', 'GitHub code']);
      },
    },
    {
      name: 'the same without state (GitHub only echoes a state that was sent): named by error_uri',
      events: [hop({ url: GITHUB_ERROR(null), time: T })],
      expect: (f) => expect(f[0]?.message).toContain('(GitHub)'),
    },
    {
      name: 'an RFC 6749 code with no provider row',
      events: [hop({ url: 'https://app.example.com/callback?error=access_denied', time: T })],
      expect: (f) => expect(f[0]?.message).toContain('access_denied (RFC 6749): the user or the server refused the request'),
    },
  ],
  silent: [
    { name: 'a clean login', events: codeFlow() },
    { name: 'the error comes back to a captured authorization request (other checks explain it)', events: codeFlow({ callbackParams: { code: null, error: 'access_denied' } }) },
    { name: 'a code, not an error, without a captured request (unsolicited-callback)', events: [hop({ url: `https://app.example.com/callback?code=abc&state=${STATE}`, time: T })] },
    { name: "a site's own login error page (no OAuth code, no description)", events: [hop({ url: 'https://app.example.com/login?error=bad_password', time: T })] },
  ],
});
