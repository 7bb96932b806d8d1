import type { Flow } from '../model/flow';
import { authorizeTime } from './support/authorize-facts';
import { groupedBy, memoized } from './support/flow-index';
import { defineCheck } from './types';

const LOOP_WINDOW_MS = 30_000;
const LOOP_COUNT = 3;
/** A new authorization request this soon after a successful callback means the session did not stick. */
const IMMEDIATE_MS = 10_000;

function tabOf(flow: Flow): number | null {
  return flow.authorize ? flow.steps[flow.authorize.step]?.tabId ?? null : null;
}

function succeeded(flow: Flow): boolean {
  const cb = flow.callback;
  return cb !== null && cb.error === null && (cb.code !== null || cb.accessToken !== null || cb.idToken !== null);
}

interface LoopRun {
  run: Flow[];
  immediate: Flow | null;
}

/**
 * Flows of one client in one tab, in order, that form a run of authorization requests (each
 * linked to the one before). The same for every flow of that client and tab: computed once per
 * analysis (issue 12).
 */
function runEndingAt(flow: Flow, flows: readonly Flow[]): LoopRun {
  const tab = tabOf(flow);
  const key = (f: Flow) => (f.authorize ? JSON.stringify([f.clientId, tabOf(f)]) : null);
  const group = groupedBy(flows, 'client+tab', key).get(JSON.stringify([flow.clientId, tab])) ?? [];
  const runs = memoized(flows, 'authorize-loop:runs', () => new Map<readonly Flow[], LoopRun>());
  let result = runs.get(group);
  if (!result) runs.set(group, (result = runOf(group)));
  return result;
}

function runOf(group: readonly Flow[]): LoopRun {
  const same = [...group].sort((x, y) => authorizeTime(x) - authorizeTime(y));
  const run: Flow[] = [];
  let immediate: Flow | null = null;
  for (const f of same) {
    const prev = run[run.length - 1];
    const gap = prev ? authorizeTime(f) - authorizeTime(prev) : 0;
    const cbTime = prev?.callback ? prev.steps[prev.callback.step]?.time ?? 0 : 0;
    const afterCallback = prev !== undefined && succeeded(prev) && authorizeTime(f) - cbTime <= IMMEDIATE_MS && prev.authorize?.scope === f.authorize?.scope;
    if (prev && !afterCallback && gap > LOOP_WINDOW_MS) {
      run.length = 0;
      immediate = null;
    }
    if (afterCallback && !immediate) immediate = prev;
    run.push(f);
  }
  return { run, immediate };
}

/**
 * Operational (compare Entra AADSTS50196): the app keeps sending the user back to the
 * authorization server because, after the callback, it still thinks the user is logged out.
 * Reported once, on the last flow of the loop.
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Login loop',
  refs: [{ spec: 'Operational', note: '(compare Entra AADSTS50196)' }, { spec: 'RFC 6749', section: '4.1' }],
  cause:
    'After the callback the app still thinks the user is logged out: session cookie not stored (SameSite, Secure, Domain), transaction state lost, ID-token validation failing (clock skew, audience), or tokens cached under the wrong key.',
  fix: 'Inspect the step between the callback and the next authorization request: blocked Set-Cookie reasons, state or nonce errors, console errors.',
  messages: {
    loop: 'Login loop: {reasons}. The app does not keep the session the callback established.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a) return;
    const aadsts = /AADSTS50196\b/.test(`${flow.callback?.errorDescription ?? ''} ${flow.errorPage !== null ? flow.steps[flow.errorPage]?.event?.responseBody?.text ?? '' : ''}`);
    const { run, immediate } = runEndingAt(flow, ctx.analysis.flows);
    if (run[run.length - 1] !== flow && !aadsts) return;
    const start = run[0] ? authorizeTime(run[0]) : authorizeTime(flow);
    const windowed = run.filter((f) => authorizeTime(flow) - authorizeTime(f) <= LOOP_WINDOW_MS);
    const loop = windowed.length >= LOOP_COUNT || immediate !== null;
    if (!loop && !aadsts) return;
    const seconds = Math.round((authorizeTime(flow) - start) / 100) / 10;
    const reasons = [
      windowed.length >= LOOP_COUNT ? `${run.length} authorization requests for client "${flow.clientId ?? '?'}" in one tab within ${seconds} s (flows ${run.map((f) => f.id).join(', ')})` : null,
      immediate ? `flow ${immediate.id} reached its callback successfully and a new authorization request followed within ${IMMEDIATE_MS / 1000} s` : null,
      aadsts ? 'Microsoft Entra reported AADSTS50196 (client loop detected)' : null,
    ].filter((r): r is string => r !== null);
    ctx.report({
      step: a.step,
      messageId: 'loop',
      data: { reasons: reasons.join('; ') },
      evidence: run.map((f) => ({ label: `authorization request (flow ${f.id})`, value: new Date(authorizeTime(f)).toISOString(), ...(f === flow ? { step: a.step } : {}) })),
    });
  },
});
