import type { Flow } from '../model/flow';
import { groupedBy, positionOf } from './support/flow-index';
import { defineCheck } from './types';

function callbackTime(flow: Flow): number | null {
  return flow.callback ? (flow.steps[flow.callback.step]?.time ?? null) : null;
}

/**
 * RFC 6749 §10.12, RFC 9700 §4.7.1: state is a one-time, per-flow value. Reported once, on the
 * later flow: either its authorization request repeats an earlier request's state, or its
 * callback brings a state an earlier callback already delivered (a replayed callback).
 */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Same state used by more than one flow',
  refs: [{ spec: 'RFC 6749', section: '10.12' }, { spec: 'RFC 9700', section: '4.7.1' }],
  cause: 'A static state value, or a page replaying the callback (reload, bookmark, back button).',
  fix: 'Use single-use state: a fresh value per authorization request, deleted once consumed.',
  messages: {
    sentTwice: 'This authorization request sends state "{state}", already sent by flow {id}.',
    deliveredTwice: 'This callback brings state "{state}", which an earlier callback (flow {id}) already delivered: the callback was replayed or the state is not single-use.',
  },
  run(flow, ctx) {
    const all = ctx.analysis.flows;
    const a = flow.authorize;
    if (a?.state) {
      // Flows are in start order; the first one holding the value is the original.
      const first = groupedBy(all, 'authorize.state', (f) => f.authorize?.state ?? null).get(a.state)?.[0];
      const earlier = first !== undefined && first !== flow && positionOf(all, flow) >= 0 ? first : undefined;
      if (earlier) {
        ctx.report({
          step: a.step,
          messageId: 'sentTwice',
          data: { state: a.state, id: earlier.id },
          evidence: [{ label: 'state', value: a.state, step: a.step }, { label: 'also used by', value: earlier.id }],
        });
        return;
      }
    }
    const cb = flow.callback;
    const at = callbackTime(flow);
    if (!cb?.state || at === null) return;
    const sameState = groupedBy(all, 'callback.state', (f) => f.callback?.state ?? null).get(cb.state) ?? [];
    const earlier = sameState.find((f) => {
      const t = callbackTime(f);
      return f !== flow && t !== null && t < at;
    });
    if (!earlier) return;
    ctx.report({
      step: cb.step,
      messageId: 'deliveredTwice',
      data: { state: cb.state, id: earlier.id },
      evidence: [{ label: 'state', value: cb.state, step: cb.step }, { label: 'first delivered in', value: earlier.id }],
    });
  },
});
