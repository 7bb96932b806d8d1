import { appErrorOnCallback } from '../flow/app-response';
import { urlBase } from '../flow/params';
import { isForeignPlaceholder } from '../placeholders/foreign';
import type { RequestEvent } from '../model/event';
import { stepEvent } from './support/browser-context';
import { cookiesSentWith } from './support/cookies';
import { transactionCookies } from './support/transaction-cookies';
import { defineCheck } from './types';

/**
 * What client libraries answer when their own callback handling fails, from their source and
 * public bug reports. `cookie` names the transaction cookie the library keeps (state, PKCE verifier).
 */
const KNOWN_FAILURES: ReadonlyArray<{ library: string; match: RegExp; meaning: string; cookie: RegExp | null }> = [
  { library: 'Auth.js / NextAuth', match: /state cookie was missing|InvalidCheck/i, meaning: 'it did not get back the state cookie it set when the login started', cookie: /(?:authjs|next-auth)\.state$/ },
  { library: 'Auth.js / NextAuth', match: /pkce code_verifier cookie was missing|pkceCodeVerifier/i, meaning: 'it did not get back the PKCE code_verifier cookie it set when the login started', cookie: /(?:authjs|next-auth)\.pkce\.code_verifier$/ },
  { library: 'Supabase Auth', match: /code verifier should be non-empty/i, meaning: 'exchangeCodeForSession found no PKCE code verifier: the verifier stored when the login started (cookie or storage sb-<ref>-auth-token-code-verifier) is not there where the callback runs', cookie: /-auth-token-code-verifier$/ },
  { library: 'express-openid-connect / openid-client', match: /checks\.state argument is missing|state mismatch/i, meaning: 'it did not get back its auth_verification cookie (state, nonce, code_verifier)', cookie: /^auth_verification$/ },
  { library: 'openid-client', match: /invalid_client|client authentication failed/i, meaning: "the app's own token request was refused: the client secret (or client assertion) it authenticates with is wrong", cookie: null },
];

/** Cookie names that hold a login transaction in common client libraries. */
const TRANSACTION_NAME = /state|verifier|pkce|nonce|auth_verification|transaction|oidc|oauth/i;

function cookieSentence(event: RequestEvent, expected: string[], library: RegExp | null): string {
  const sent = cookiesSentWith(event);
  if (sent === null) return "The callback's request headers were not captured, so whether the transaction cookie came back is not known.";
  const wanted = expected.length ? expected : sent.filter((n) => (library ?? TRANSACTION_NAME).test(n));
  const missing = expected.filter((n) => !sent.includes(n));
  if (missing.length) return `The cookie${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} set before the login ${missing.length > 1 ? 'were' : 'was'} NOT sent with the callback (it carried ${sent.length ? sent.join(', ') : 'none'}).`;
  if (wanted.length) return `The transaction cookie ${wanted.map((n) => `"${n}"`).join(', ')} was sent with the callback, so the failure is in what the app did with it (or in its token request).`;
  return `The callback carried ${sent.length ? `cookies ${sent.join(', ')}, none of which looks like a login transaction cookie` : 'no cookies'}.`;
}

/** The evidence line: the names, "(none)" when the headers say none, "not known" when they were not captured. */
function cookiesEvidence(sent: string[] | null): string {
  return sent === null ? 'not known (request headers not captured)' : sent.join(', ') || '(none)';
}

/**
 * Issue 17 point 7: the provider delivered a code, the app redeemed it on its server (nothing the
 * browser saw), and the app's callback then answered with an error. Distinct from
 * token-exchange-not-observable, whose callbacks succeed, and from the provider's own error responses.
 */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'The app failed its own callback after a server-side exchange',
  refs: [{ spec: 'RFC 6749', section: '4.1.3' }, { spec: 'RFC 6749', section: '10.12' }, { spec: 'RFC 7636', section: '4.5' }],
  cause:
    'The provider returned a code, and the app failed while handling it: the transaction cookie it set when the login started (state, nonce, PKCE verifier) did not come back, or its server-side token request was refused (wrong client secret, verifier, redirect_uri).',
  fix: "Read the app server's log for the callback. If the transaction cookie was not sent: check its Domain, Path, Secure and SameSite against the callback URL and that the login started on the same origin as the callback. If it was sent: check the client secret and redirect_uri the server uses to redeem the code.",
  messages: {
    failed: 'The provider delivered {delivered} to {where} and the app answered its own callback with {answer}{library}. {cookies}',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    const event = stepEvent(flow, cb?.step);
    if (!cb || !event || cb.error || !(cb.code || cb.idToken || cb.accessToken) || flow.tokenExchange === 'browser') return;
    // A client that rejects a callback whose state is not the one it sent is right: state-mismatch explains it.
    if (flow.authorize?.state && cb.state !== flow.authorize.state) return;
    // A state another tool redacted cannot be compared, so state-mismatch cannot be ruled out
    // (values-redacted-elsewhere says what was not checked).
    if (isForeignPlaceholder(flow.authorize?.state) || isForeignPlaceholder(cb.state)) return;
    const what = appErrorOnCallback(flow);
    if (!what) return;
    const body = event.responseBody?.text ?? '';
    const known = KNOWN_FAILURES.find((k) => k.match.test(body) || k.match.test(event.redirectUrl ?? ''));
    const requests = ctx.analysis.events.filter((e): e is RequestEvent => e.kind === 'request');
    const expected = flow.authorize ? [...transactionCookies(flow, requests, event.url, ctx.analysis.options.correlationWindowMs).keys()] : [];
    const cookies = cookieSentence(event, expected, known?.cookie ?? null);
    const where = urlBase(event.url) ?? event.url;
    ctx.report({
      step: cb.step,
      messageId: 'failed',
      data: { delivered: cb.code ? 'a code' : 'tokens', where, answer: what, library: known ? `: ${known.library} reports that ${known.meaning}` : '', cookies },
      evidence: [
        { label: 'callback answer', value: what, step: cb.step },
        ...(known ? [{ label: `${known.library} message`, value: known.match.exec(body)?.[0] ?? known.match.exec(event.redirectUrl ?? '')?.[0] ?? '', step: cb.step }] : []),
        { label: 'cookies sent with the callback', value: cookiesEvidence(cookiesSentWith(event)), ...(expected.length ? { expected: expected.join(', ') } : {}), step: cb.step },
      ],
    });
  },
});
