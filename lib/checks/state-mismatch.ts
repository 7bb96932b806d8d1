import { defineCheck } from './types';

/** RFC 6749 §4.1.2, §10.12: the callback must return exactly the state the client sent. */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'State returned differs from state sent',
  refs: [{ spec: 'RFC 6749', section: '4.1.2' }, { spec: 'RFC 6749', section: '10.12' }, { spec: 'RFC 9700', section: '4.7' }],
  cause:
    'A second tab or a silent renew started another flow and overwrote a single stored state; storage was lost (www vs apex origin, sessionStorage in a new popup, private mode); state was double-encoded or + and space got confused; an old callback URL was reloaded; or a real CSRF attempt.',
  fix: 'Store transaction data per state value (a map, not one slot), read it on the same origin that stored it, and encode the value exactly once.',
  messages: {
    mismatch: 'The callback returned state "{state}" but this flow sent "{sent}". A correct client rejects this response (RFC 6749 §10.12).',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const cb = flow.callback;
    if (!a?.state || !cb || cb.state === null || cb.state === a.state) return;
    // docs/architecture.md "Correlating flows" step 2: only when no other open flow in this browser context has that value.
    const owned = ctx.analysis.flows.some((f) => f !== flow && f.authorize?.state === cb.state);
    if (owned) return;
    ctx.report({
      step: cb.step,
      messageId: 'mismatch',
      data: { state: cb.state, sent: a.state },
      evidence: [{ label: 'state', value: cb.state, expected: a.state, step: cb.step }],
    });
  },
});
