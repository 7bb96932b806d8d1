import { defineCheck } from './types';

/** RFC 7636 §4.2: a missing code_challenge_method means "plain", which protects nothing once the request leaks. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'PKCE with the plain method',
  refs: [{ spec: 'RFC 7636', section: '4.2' }, { spec: 'RFC 7636', section: '4.3' }, { spec: 'RFC 7636', section: '7.2' }, { spec: 'RFC 9700', section: '2.1.1' }],
  cause: 'A library default, or a fallback used when hashing was not available.',
  fix: "Use S256; WebCrypto subtle.digest('SHA-256') is available in every secure context.",
  messages: {
    methodAbsent: 'The code_challenge is sent without code_challenge_method, which defaults to "plain": the challenge is the verifier itself.',
    methodPlain: 'code_challenge_method is "plain": the challenge is the verifier itself, so anyone who sees the authorization request can redeem the code.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.codeChallenge) return;
    const method = a.codeChallengeMethod;
    if (method !== null && method !== 'plain') return;
    ctx.report({
      step: a.step,
      ...(method === null ? { messageId: 'methodAbsent' } : { messageId: 'methodPlain' }),
      evidence: [{ label: 'code_challenge_method', value: method ?? '(absent, defaults to plain)', expected: 'S256', step: a.step }],
    });
  },
});
