import { earlierFlowsWithSame } from './support/authorize-facts';
import { flowIdList } from './support/flow-index';
import { defineCheck } from './types';

/** OIDC-Core §15.5.2: a nonce is only worth something when it is fresh per request. Reported on the later flow. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Nonce reused across flows',
  refs: [{ spec: 'OIDC-Core', section: '15.5.2' }, { spec: 'RFC 9700', section: '2.1.1' }],
  cause: 'A fixed or cached nonce.',
  fix: 'Use a fresh value per flow.',
  messages: {
    reused: 'The nonce "{nonce}" was already sent in {count} earlier authorization request(s) (flow {flows}): an ID Token from one login would be accepted in another.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.nonce) return;
    const earlier = earlierFlowsWithSame(flow, ctx.analysis.flows, 'nonce');
    if (!earlier.length) return;
    const first = earlier[0]!;
    ctx.report({
      step: a.step,
      messageId: 'reused',
      data: { nonce: a.nonce, count: earlier.length, flows: flowIdList(earlier) },
      evidence: [
        { label: 'nonce (this flow)', value: a.nonce, step: a.step },
        { label: `nonce (flow ${first.id})`, value: first.authorize?.nonce ?? '', expected: 'a different value per flow' },
      ],
    });
  },
});
