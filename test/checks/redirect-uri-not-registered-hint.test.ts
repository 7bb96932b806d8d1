import { expect } from 'vitest';
import check from '../../lib/checks/redirect-uri-not-registered-hint';
import { describeCheck } from '../support/check-cases';
import { AS, chain, CHALLENGE, codeFlow, hop, REDIRECT_URI } from '../support/events';
import { entraConfigPage } from '../support/entra-error-page';

const query = (redirect: string, clientId = 'web-app') =>
  new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: redirect, scope: 'openid', state: 'st-Aa1Bb2Cc3Dd4Ee5Ff6', code_challenge: CHALLENGE, code_challenge_method: 'S256' }).toString();
const page = (body: string) => `<!DOCTYPE html><html><head><style>p{color:red}</style></head><body><h1>Oops</h1><p>${body}</p></body></html>`;

const appStart = (url: string, time?: number) => chain([{ url: 'https://app.example.com/login', ...(time ? { time } : {}) }, { url, status: 400, responseText: '', ...(time ? { time: time + 50 } : {}) }]);

describeCheck(check, {
  fires: [
    {
      name: 'oidc-provider 400 page (demo provider)',
      events: [
        hop({
          url: `${AS}/auth?${query('https://app.example.com/callback/')}`,
          status: 400,
          responseText: page("oops! something went wrong<br>error: invalid_redirect_uri<br>error_description: redirect_uri did not match any of the client&#39;s registered redirect_uris"),
        }),
      ],
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.message).toContain('"https://app.example.com/callback/"');
        // No provider profile for the demo provider: the generic fix only.
        expect(f[0]?.fix).toBe(check.fix);
        expect(f[0]?.message).toContain("redirect_uri did not match any of the client's registered redirect_uris");
      },
    },
    {
      name: 'Microsoft Entra AADSTS50011 on a 200 page at the authorize URL',
      events: [
        hop({
          url: `https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?${query('https://app.example.com/auth', '6731de76-14a6-49ae-97bc-6eba6914391e')}`,
          status: 200,
          responseText: page("AADSTS50011: The redirect URI 'https://app.example.com/auth' specified in the request does not match the redirect URIs configured for the application '6731de76-14a6-49ae-97bc-6eba6914391e'."),
        }),
      ],
      expect: (f) => {
        expect(f[0]?.message).toContain('AADSTS50011 (Microsoft Entra');
        expect(f[0]?.fix).toContain('platform type');
        // The provider profile leads the fix with Entra's own console path, the value filled in, and its documentation.
        expect(f[0]?.fix).toMatch(/^Microsoft Entra admin center → App registrations → your app → Authentication → .*Redirect URIs: add https:\/\/app\.example\.com\/auth\. \(Microsoft Entra ID documentation: https:\/\/learn\.microsoft\.com\/entra\/identity-platform\/how-to-add-redirect-uri\)/);
      },
    },
    {
      name: "Microsoft Entra AADSTS50011 stated only in the page's $Config script (hand-built page shape)",
      events: [
        hop({
          url: `https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?${query('https://app.example.com/auth', '6731de76-14a6-49ae-97bc-6eba6914391e')}`,
          status: 200,
          responseText: entraConfigPage(),
        }),
      ],
      expect: (f) => {
        expect(f[0]?.message).toContain('AADSTS50011 (Microsoft Entra');
        expect(f[0]?.fix).toMatch(/^Microsoft Entra admin center → App registrations/);
      },
    },
    {
      name: 'Cognito redirects to /error?error=redirect_mismatch',
      events: chain([
        { url: `https://myapp.auth.us-east-1.amazoncognito.com/oauth2/authorize?${query('https://app.example.com/Callback', '1example23456789')}`, status: 302 },
        { url: 'https://myapp.auth.us-east-1.amazoncognito.com/error?error=redirect_mismatch&client_id=1example23456789', status: 200 },
      ]),
      expect: (f) => {
        expect(f[0]?.message).toContain('redirect_mismatch (Amazon Cognito');
        expect(f[0]?.evidence.find((e) => e.label === 'error page')?.value).toContain('/error?error=redirect_mismatch');
      },
    },
    {
      name: 'Google redirect_uri_mismatch page',
      events: chain([
        { url: `https://accounts.google.com/o/oauth2/v2/auth?${query('http://localhost:5173/callback', '123-abc.apps.googleusercontent.com')}`, status: 302 },
        { url: 'https://accounts.google.com/signin/oauth/error?authError=Cg9pbnZhbGlkX3JlcXVlc3Q&client_id=123-abc.apps.googleusercontent.com', status: 400, responseText: page('Access blocked: This app’s request is invalid. Error 400: redirect_uri_mismatch') },
      ]),
      expect: (f) => expect(f[0]?.message).toContain('redirect_uri_mismatch (Google'),
    },
    {
      name: 'Keycloak error page names the earlier working redirect_uri difference',
      events: [
        ...codeFlow({ authorizeParams: { redirect_uri: REDIRECT_URI } }).map((e) => (e.kind === 'request' ? { ...e, url: e.url.replace(`${AS}/authorize`, `${AS}/realms/demo/protocol/openid-connect/auth`) } : e)),
        ...appStart(`${AS}/realms/demo/protocol/openid-connect/auth?${query('https://app.example.com:8443/callback')}`, 1_700_000_100_000).map((e) =>
          e.status === 400 ? { ...e, responseBody: { text: page('We are sorry... Invalid parameter: redirect_uri'), mimeType: 'text/html', truncated: false, source: 'devtools' as const } } : e,
        ),
      ],
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('Invalid parameter: redirect_uri (Keycloak');
        expect(f[0]?.message).toContain('port 8443 vs 443');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'bare 400 with no body (callback-never-reached covers it)', events: [hop({ url: `${AS}/authorize?${query(REDIRECT_URI)}`, status: 400 })] },
    { name: 'unrelated 400 error page (client not found)', events: [hop({ url: `${AS}/authorize?${query(REDIRECT_URI)}`, status: 400, responseText: page('error: invalid_client<br>Client not found.') })] },
    {
      name: 'login page with a hidden redirect_uri field, user left',
      events: [hop({ url: `${AS}/authorize?${query(REDIRECT_URI)}`, status: 200, responseText: page(`<form><input type="hidden" name="redirect_uri" value="${REDIRECT_URI}"><input name="login"></form>`) })],
    },
  ],
});
