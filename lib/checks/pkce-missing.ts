import { scopeList } from '../flow/params';
import { knownDeviation } from '../providers/match';
import { confidentialCodeFlowWithoutPkce, paramsHidden, publicClientEvidence, responseTypeParts } from './support/authorize-facts';
import { defineCheck } from './types';

/** RFC 9700 §2.1.1: every code flow should use PKCE; public clients MUST (RFC 8252 §8.1). */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Code flow without PKCE',
  refs: [{ spec: 'RFC 7636', section: '4.3' }, { spec: 'RFC 9700', section: '2.1.1' }, { spec: 'RFC 8252', section: '8.1' }],
  cause: 'An old library, PKCE switched off, or the assumption that confidential clients do not need it.',
  fix: 'Send an S256 code_challenge on every code flow, including confidential clients.',
  messages: {
    missingPublicClient: 'The code flow sends no code_challenge although the client is evidently public ({publicEvidence}): an intercepted code can be redeemed by anyone.',
    missing: 'The code flow (response_type includes "code") sends no code_challenge, so a stolen or injected code is not bound to this client instance.',
    nonceInstead:
      'The code flow sends no code_challenge and relies on the nonce instead, which RFC 9700 §2.1.1 allows a confidential OpenID Connect client only if it checks the nonce in the ID Token of the token response (§4.5.3.2). PKCE is still recommended.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || !responseTypeParts(a.responseType).includes('code') || a.codeChallenge !== null) return;
    if (paramsHidden(a)) {
      ctx.notObservable('The authorization parameters sit behind a request_uri the browser did not push, so the code_challenge cannot be seen.');
      return;
    }
    // A provider whose web flow takes no code_challenge (LinkedIn): provider-known-deviation says so.
    if (confidentialCodeFlowWithoutPkce(flow) && knownDeviation(flow, 'web-flow-without-pkce')) return;
    const publicEvidence = publicClientEvidence(flow);
    // RFC 9700 §2.1.1: a confidential OpenID Connect client MAY use the nonce instead of PKCE.
    const nonceInstead = !publicEvidence && a.nonce !== null && (scopeList(a.scope).includes('openid') || knownDeviation(flow, 'id-token-without-openid-scope') !== null);
    ctx.report({
      step: a.step,
      severity: publicEvidence ? 'error' : nonceInstead ? 'info' : 'warning',
      ...(publicEvidence ? { messageId: 'missingPublicClient', data: { publicEvidence } } : { messageId: nonceInstead ? 'nonceInstead' : 'missing' }),
      evidence: [{ label: 'code_challenge', value: '(absent)', expected: 'BASE64URL(SHA-256(code_verifier)), method S256', step: a.step }],
    });
  },
});
