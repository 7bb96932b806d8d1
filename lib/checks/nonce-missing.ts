import { scopeList } from '../flow/params';
import { paramsHidden, responseTypeParts } from './support/authorize-facts';
import { defineCheck } from './types';

/**
 * OIDC-Core §3.2.2.1: nonce is REQUIRED when the ID Token comes from the authorization endpoint;
 * for the code flow it is optional but is then the only replay protection besides PKCE (§15.5.2).
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'info',
  title: 'OpenID Connect request without nonce',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.1' }, { spec: 'OIDC-Core', section: '3.2.2.1' }, { spec: 'OIDC-Core', section: '15.5.2' }, { spec: 'RFC 9700', section: '2.1.1' }, { spec: 'RFC 9700', section: '4.5.3' }],
  cause: 'The library does not add a nonce, or it was disabled.',
  fix: 'Generate a random nonce per flow, store it with the session, and require the same value in the ID Token.',
  messages: {
    idTokenFromAuthorize:
      'response_type "{responseType}" returns an ID Token from the authorization endpoint but the request has no nonce, which OpenID Connect requires there: a stolen ID Token can be replayed.',
    noNonceNoPkce: 'The OpenID Connect code flow has neither a nonce nor PKCE: nothing binds the returned code or ID Token to this browser session.',
    noNonce: 'The OpenID Connect request (scope includes "openid") has no nonce; PKCE covers code injection, but the ID Token is not bound to this session.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || a.nonce !== null) return;
    if (paramsHidden(a)) {
      ctx.notObservable('The authorization parameters sit behind a request_uri the browser did not push.');
      return;
    }
    if (!scopeList(a.scope).includes('openid')) return;
    const parts = responseTypeParts(a.responseType);
    const idTokenFromAuthorize = parts.includes('id_token');
    const unprotected = parts.includes('code') && a.codeChallenge === null;
    const evidence = [{ label: 'nonce', value: '(absent)', step: a.step }];
    if (idTokenFromAuthorize) ctx.report({ step: a.step, severity: 'error', messageId: 'idTokenFromAuthorize', data: { responseType: String(a.responseType) }, evidence });
    else if (unprotected) ctx.report({ step: a.step, severity: 'warning', messageId: 'noNonceNoPkce', evidence });
    else ctx.report({ step: a.step, severity: 'info', messageId: 'noNonce', evidence });
  },
});
