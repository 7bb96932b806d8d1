import { urlBase } from '../flow/params';
import type { Evidence } from '../model/finding';
import { describeDifference } from './support/describe-difference';
import { defineCheck } from './types';

/**
 * RFC 6749 §4.1.3: the token request's redirect_uri must be identical to the authorization
 * request's; §3.1.2: the response goes to that URI (scheme, host, port and path).
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'redirect_uri differs between steps',
  refs: [{ spec: 'RFC 6749', section: '4.1.3' }, { spec: 'RFC 6749', section: '3.1.2' }, { spec: 'OIDC-Core', section: '3.1.2.1' }],
  cause: 'Trailing slash, http vs https, port, encoding (%2F), or different environment variables in the front end and the back end.',
  fix: 'Define the redirect URI once and reuse that exact string in both requests.',
  messages: {
    callbackMismatch: 'The callback landed on {landedBase} but the authorization request sent redirect_uri {sentBase}: {diff} (callback vs sent).',
    tokenOmits: 'The token request omits redirect_uri, but the authorization request sent "{sent}"; it must be repeated exactly.',
    tokenMismatch: 'The token request\'s redirect_uri "{redirectUri}" is not byte-identical to the authorization request\'s "{sent}": {diff} (token request vs authorization request).',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a) {
      if (flow.callback) ctx.notObservable('The authorization request was not captured, so its redirect_uri is unknown.');
      return;
    }
    const sent = a.redirectUri;
    const cb = flow.callback;
    const landed = cb ? flow.steps[cb.step]?.url ?? null : null;
    const landedBase = landed ? urlBase(landed) : null;
    const sentBase = sent ? urlBase(sent) : null;
    if (cb && sent && landedBase && sentBase && landedBase !== sentBase) {
      const diff = describeDifference(landedBase, sentBase) ?? 'different';
      ctx.report({
        step: cb.step,
        messageId: 'callbackMismatch',
        data: { landedBase, sentBase, diff },
        evidence: [{ label: 'callback URL (scheme, host, port, path)', value: landedBase, expected: sentBase, step: cb.step }, { label: 'difference', value: diff }],
      });
    }
    const codeTokens = flow.tokens.filter((t) => t.grantType === 'authorization_code');
    if (!codeTokens.length) {
      if (flow.tokenExchange === 'not-observable' && sent) ctx.notObservable('The code was redeemed by the app server; its token request redirect_uri cannot be compared.');
      return;
    }
    if (sent === null) return;
    for (const t of codeTokens) {
      if (t.redirectUri === sent) continue;
      const evidence: Evidence[] = [{ label: 'redirect_uri (token request)', value: t.redirectUri ?? '(absent)', expected: sent, step: t.step }];
      if (t.redirectUri === null) {
        ctx.report({
          step: t.step,
          messageId: 'tokenOmits',
          data: { sent },
          evidence,
        });
        continue;
      }
      const diff = describeDifference(t.redirectUri, sent) ?? 'different';
      evidence.push({ label: 'difference', value: diff });
      ctx.report({
        step: t.step,
        messageId: 'tokenMismatch',
        data: { redirectUri: t.redirectUri, sent, diff },
        evidence,
      });
    }
  },
});
