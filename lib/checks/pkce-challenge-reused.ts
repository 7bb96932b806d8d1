import { reusedAcrossFlowsCheck } from './support/reused-across-flows';

/** RFC 7636 §4.1, RFC 9700 §2.1.1: a fresh code_verifier per authorization request. Reported on the later flow. */
export default reusedAcrossFlowsCheck({
  field: 'codeChallenge',
  param: 'code_challenge',
  section: 'authorize-request',
  severity: 'warning',
  title: 'PKCE code_challenge reused across flows',
  refs: [{ spec: 'RFC 9700', section: '2.1.1' }, { spec: 'RFC 7636', section: '4.1' }],
  cause: 'The verifier is created once (at app start or from configuration) instead of per flow.',
  fix: 'Generate a new verifier for each authorization request and discard it after redemption.',
  messages: {
    reused: 'The code_challenge "{value}" was already sent in {count} earlier authorization request(s) (flow {flows}): the code_verifier is not fresh per flow.',
  },
});
