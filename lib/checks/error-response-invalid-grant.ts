import type { AnalysisContext } from '../model/analysis-context';
import type { Flow, TokenExchange } from '../model/flow';
import { describeDifference } from './support/describe-difference';
import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/**
 * What the captured traffic says about an invalid_grant (RFC 6749 §5.2 gives
 * `invalid_grant` many causes; correlation pins down which): a code redeemed before, redeemed late, a redirect_uri or PKCE verifier
 * that doesn't fit the authorization request, or a refresh token used twice.
 */
function correlate(flow: Flow, token: TokenExchange, ctx: AnalysisContext): string[] {
  const at = flow.steps[token.step]?.time ?? 0;
  const earlier = ctx.flows.flatMap((f) => f.tokens.map((t) => ({ t, time: f.steps[t.step]?.time ?? 0 }))).filter(({ t, time }) => t !== token && time < at);
  const hints: string[] = [];
  if (token.code && earlier.some(({ t }) => t.code === token.code)) hints.push('this code was already sent in an earlier token request (code-reused)');
  const callbackAt = flow.callback ? flow.steps[flow.callback.step]?.time : undefined;
  if (token.code && callbackAt !== undefined && at - callbackAt > 60_000) hints.push(`the code was redeemed ${Math.round((at - callbackAt) / 1000)} s after the callback (code-exchanged-late)`);
  const sent = flow.authorize?.redirectUri;
  if (token.grantType === 'authorization_code' && sent && token.redirectUri !== sent) {
    hints.push(token.redirectUri === null ? 'the token request omits redirect_uri (redirect-uri-mismatch)' : `redirect_uri differs from the authorization request: ${describeDifference(token.redirectUri, sent)} (redirect-uri-mismatch)`);
  }
  const challenge = flow.authorize?.codeChallenge;
  if (challenge && token.codeVerifier === null && token.grantType === 'authorization_code') hints.push('the token request has no code_verifier (pkce-verifier-missing)');
  if (challenge && token.codeVerifier !== null) {
    const computed = flow.authorize?.codeChallengeMethod === 'plain' ? token.codeVerifier : ctx.derived.s256(token.codeVerifier);
    if (computed !== null && computed !== challenge) hints.push("the code_verifier doesn't hash to the code_challenge (pkce-verifier-mismatch)");
  }
  if (token.refreshToken && earlier.some(({ t }) => t.refreshToken === token.refreshToken)) hints.push('this refresh token was already used in an earlier request (refresh-token-reuse)');
  return hints;
}

/** RFC 6749 §5.2; RFC 7636 §4.6: the grant (code, refresh token, verifier) was refused. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The grant was refused (invalid_grant)',
  refs: [{ spec: 'RFC 6749', section: '5.2' }, { spec: 'RFC 7636', section: '4.6' }],
  cause: "The code or refresh token is invalid, expired, already used, issued to another client, or doesn't match the redirect_uri; or PKCE verification failed.",
  fix: 'Pin down the cause through correlation: code-reused, code-exchanged-late, redirect-uri-mismatch, pkce-verifier-mismatch, refresh-token-reuse.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_grant']), {
      explain: (e) => {
        const token = flow.tokens.find((t) => t.step === e.step);
        if (!token) return null;
        const hints = correlate(flow, token, ctx.analysis);
        const kind = token.grantType === 'refresh_token' ? 'refresh token' : token.grantType === 'authorization_code' ? 'authorization code' : `${token.grantType ?? 'unknown'} grant`;
        return hints.length ? `The capture shows why the ${kind} was refused: ${hints.join('; ')}.` : `Nothing in the capture explains why the ${kind} was refused (expired, revoked, or issued to another client).`;
      },
    });
  },
});
