import { knownDeviation } from '../providers/match';
import { anyCase } from './support/authorize-facts';
import { defineCheck } from './types';

/** RFC 7636 §4.3: the method is "S256" or "plain", exactly (§4.2 defines both; names are case-sensitive). */
const METHODS = new Set(['S256', 'plain']);

/**
 * Issue 17 point 7: an invalid code_challenge_method (a lowercase "s256", "SHA256", "S-256").
 * The server refuses it with invalid_request, or one that ignores it verifies as plain and the
 * token request fails; either way the verifier and challenge no longer pair up.
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Invalid code_challenge_method',
  refs: [{ spec: 'RFC 7636', section: '4.2' }, { spec: 'RFC 7636', section: '4.3' }, { spec: 'RFC 7636', section: '4.4.1' }],
  cause: 'The method name was typed by hand or taken from a library option with another spelling (s256, sha256, S-256).',
  fix: 'Send code_challenge_method=S256 exactly (upper-case S, no dash) with the base64url SHA-256 of the verifier.',
  messages: {
    invalid:
      'code_challenge_method is "{method}"{meant}: RFC 7636 defines only "S256" and "plain", case-sensitive. The server refuses the request (invalid_request) or checks the verifier as plain, and the token request fails.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const method = a?.codeChallengeMethod;
    if (!a || method === null || method === undefined || METHODS.has(method)) return;
    // A provider documented to read the method in any case (Supabase's own "s256"): provider-known-deviation says so.
    if (anyCase(method) && knownDeviation(flow, 'pkce-method-any-case')) return;
    const meant = method.replace(/[^a-z0-9]/gi, '').toLowerCase() === 's256' || /^sha-?256$/i.test(method) ? ' (S256 was meant)' : '';
    ctx.report({
      step: a.step,
      messageId: 'invalid',
      data: { method, meant },
      evidence: [{ label: 'code_challenge_method', value: method, expected: 'S256', step: a.step }],
    });
  },
});
