import { earlierFlowsWithSame } from './support/authorize-facts';
import { flowIdList } from './support/flow-index';
import { weaknessOf } from './support/randomness';
import { defineCheck } from './types';

/** RFC 6749 §10.10, §10.12: state must be unguessable and bound to one flow. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Guessable or reused state',
  refs: [{ spec: 'RFC 6749', section: '10.10' }, { spec: 'RFC 6749', section: '10.12' }, { spec: 'RFC 9700', section: '4.7.1' }],
  cause: 'State is being used only to carry the return URL, or is built from a counter or the clock.',
  fix: 'Use at least 128 bits from a CSPRNG. If app data must travel in state, append it to a random part and integrity-protect the whole value.',
  messages: {
    weak: 'The state "{state}" is weak: {reasons}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.state) return;
    const weakness = weaknessOf(a.state);
    const earlier = earlierFlowsWithSame(flow, ctx.analysis.flows, 'state');
    if (!weakness && !earlier.length) return;
    const reasons = [weakness, earlier.length ? `the same value was already sent by ${earlier.length} earlier authorization request(s) (flow ${flowIdList(earlier)})` : null].filter(Boolean);
    ctx.report({
      step: a.step,
      messageId: 'weak',
      data: { state: a.state, reasons: reasons.join('; ') },
      evidence: [{ label: 'state', value: a.state, expected: 'at least 128 random bits, fresh per flow', step: a.step }],
    });
  },
});
