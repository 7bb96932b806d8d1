import { expect } from 'vitest';
import check from '../../lib/checks/callback-failed-in-app';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, codeFlow, REDIRECT_URI, seenByPageOnly } from '../support/events';

// HAND-BUILT from each library's documented behaviour (no such app runs here): the provider
// delivers a code, the app redeems it on its server and then fails its own callback.
// - Auth.js: sets `__Secure-authjs.state` / `authjs.pkce.code_verifier` when the sign-in starts;
//   on "InvalidCheck: state cookie was missing" it redirects to /api/auth/error?error=Configuration
//   (authjs.dev/reference/core/errors#invalidcheck).
// - express-openid-connect: keeps state, nonce and code_verifier in the `auth_verification` cookie;
//   a wrong client secret makes openid-client's token request fail with invalid_client, answered 400.
// - Supabase (Next.js route handler of supabase.com/docs/guides/auth/server-side): exchangeCodeForSession
//   throws "invalid request: both auth code and code verifier should be non-empty" when the
//   sb-<ref>-auth-token-code-verifier cookie is missing.

interface Failure {
  setCookie: string;
  /** The Cookie header the callback carried; null: none. */
  sent: string | null;
  status: number;
  location?: string;
  body?: string;
}

function failing(f: Failure): CapturedEvent[] {
  const events = codeFlow();
  const requests = events.filter((e): e is RequestEvent => e.kind === 'request');
  requests.find((e) => e.url === `${APP}/login`)!.responseHeaders = [{ name: 'Set-Cookie', value: f.setCookie }];
  const cb = requests.find((e) => e.url.startsWith(REDIRECT_URI))!;
  cb.status = f.status;
  cb.requestHeaders = [{ name: 'Accept', value: 'text/html' }, ...(f.sent ? [{ name: 'Cookie', value: f.sent }] : [])];
  cb.responseHeaders = f.location ? [{ name: 'Location', value: f.location }] : [{ name: 'Content-Type', value: 'text/html' }];
  if (f.location) cb.redirectUrl = new URL(f.location, cb.url).href;
  else delete cb.redirectUrl;
  if (f.body) cb.responseBody = { text: f.body, mimeType: 'text/html', truncated: false, source: 'devtools' };
  return events;
}


/** The failing callback seen by the page only: its status is known, its headers (the Cookie it carried) are not. */
function failingSeenByPageOnly(f: Failure): CapturedEvent[] {
  return failing(f).map((e) => (e.kind === 'request' && e.url.startsWith(REDIRECT_URI) ? seenByPageOnly(e, 'navigation-timing') : e));
}

describeCheck(check, {
  fires: [
    {
      name: 'Auth.js: state cookie not sent, redirect to /api/auth/error?error=Configuration',
      events: failing({ setCookie: '__Secure-authjs.state=eyJhbGciOi; Path=/; HttpOnly; Secure; SameSite=Lax', sent: null, status: 302, location: '/api/auth/error?error=Configuration' }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toMatch(/^The provider delivered a code to https:\/\/app\.example\.com\/callback and the app answered its own callback with a redirect to https:\/\/app\.example\.com\/api\/auth\/error\?error=Configuration\./);
        expect(f[0]?.message).toContain('The cookie "__Secure-authjs.state" set before the login was NOT sent with the callback (it carried none).');
      },
    },
    {
      name: 'callback seen by the page only, answered 500: whether the cookie came back is not known (never "(none)")',
      events: failingSeenByPageOnly({ setCookie: 'auth_verification=%7B%22nonce%22; Path=/; HttpOnly; Secure; SameSite=Lax', sent: 'auth_verification=%7B%22nonce%22', status: 500 }),
      expect: (f) => {
        expect(f[0]?.message).toContain("The callback's request headers were not captured, so whether the transaction cookie came back is not known.");
        expect(f[0]?.evidence.find((e) => e.label === 'cookies sent with the callback')?.value).toBe('not known (request headers not captured)');
      },
    },
    {
      name: 'express-openid-connect: auth_verification sent, 400 invalid_client (wrong client secret)',
      events: failing({ setCookie: 'auth_verification=%7B%22nonce%22; Path=/; HttpOnly; Secure; SameSite=Lax', sent: 'auth_verification=%7B%22nonce%22', status: 400, body: '<pre>BadRequestError: invalid_client (Client authentication failed.)</pre>' }),
      expect: (f) => {
        expect(f[0]?.message).toContain("with HTTP 400: openid-client reports that the app's own token request was refused");
        expect(f[0]?.message).toContain('The transaction cookie "auth_verification" was sent with the callback');
      },
    },
    {
      name: 'Supabase: code verifier cookie missing, 500 with the library message',
      events: failing({ setCookie: 'sb-abcd-auth-token-code-verifier=%22Xq; Path=/; SameSite=Lax', sent: 'theme=dark', status: 500, body: 'AuthApiError: invalid request: both auth code and code verifier should be non-empty' }),
      expect: (f) => {
        expect(f[0]?.message).toContain('Supabase Auth reports that exchangeCodeForSession found no PKCE code verifier');
        expect(f[0]?.message).toContain('"sb-abcd-auth-token-code-verifier" set before the login was NOT sent with the callback (it carried theme)');
      },
    },
  ],
  silent: [
    { name: 'a clean login (callback redirects home)', events: codeFlow() },
    { name: 'a single-page app redeeming the code in the browser', events: codeFlow({ exchange: 'browser' }) },
    {
      name: 'the app rejects a callback whose state it did not send (state-mismatch explains it)',
      events: (() => {
        const events = failing({ setCookie: 'tx=abc; Path=/; Secure; SameSite=Lax', sent: 'tx=abc', status: 400, body: 'state mismatch' });
        const cb = events.find((e): e is RequestEvent => e.kind === 'request' && e.url.startsWith(REDIRECT_URI))!;
        cb.url = cb.url.replace(/state=[^&]+/, 'state=another-state-value-0000');
        return events;
      })(),
    },
    { name: "the provider's error at the callback (error-response checks explain it)", events: codeFlow({ callbackParams: { code: null, error: 'access_denied' } }) },
  ],
});
