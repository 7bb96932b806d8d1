import { earlierFlowsWithSame } from './support/authorize-facts';
import { flowIdList } from './support/flow-index';
import { defineCheck } from './types';

/** RFC 7636 §4.1, RFC 9700 §2.1.1: a fresh code_verifier per authorization request. Reported on the later flow. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'PKCE code_challenge reused across flows',
  refs: [{ spec: 'RFC 9700', section: '2.1.1' }, { spec: 'RFC 7636', section: '4.1' }],
  cause: 'The verifier is created once (at app start or from configuration) instead of per flow.',
  fix: 'Generate a new verifier for each authorization request and discard it after redemption.',
  messages: {
    reused: 'The code_challenge "{codeChallenge}" was already sent in {count} earlier authorization request(s) (flow {flows}): the code_verifier is not fresh per flow.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.codeChallenge) return;
    const earlier = earlierFlowsWithSame(flow, ctx.analysis.flows, 'codeChallenge');
    if (!earlier.length) return;
    const first = earlier[0]!;
    ctx.report({
      step: a.step,
      messageId: 'reused',
      data: { codeChallenge: a.codeChallenge, count: earlier.length, flows: flowIdList(earlier) },
      evidence: [
        { label: 'code_challenge (this flow)', value: a.codeChallenge, step: a.step },
        { label: `code_challenge (flow ${first.id})`, value: first.authorize?.codeChallenge ?? '', expected: 'a different value per flow' },
      ],
    });
  },
});
