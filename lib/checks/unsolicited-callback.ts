import { eventTime } from '../model/event';
import { stepEvent } from './support/browser-context';
import { defineCheck } from './types';

/**
 * RFC 9700 §4.5, §4.7: a response with no stored transaction must be rejected. docs/architecture.md "Correlating flows"
 * step 9: when capture obviously began mid-flow this is only an observation (info).
 */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Callback without a recorded authorization request',
  refs: [{ spec: 'RFC 9700', section: '4.5' }, { spec: 'RFC 9700', section: '4.7' }, { spec: 'RFC 6749', section: '10.12' }],
  cause: 'Capture started after the redirect; an IdP-initiated login; or login CSRF / code injection (an attacker’s code delivered to this browser).',
  fix: 'The client must reject any authorization response for which it holds no stored transaction (state). If capture simply started late, record the login again from the start.',
  messages: {
    captureStartedLate: 'The callback to {redirectUri} ({what}, state "{state}") is the first thing captured in this tab: capture probably started after the authorization request.',
    unsolicited: 'The callback to {redirectUri} brought {what} with state "{state}", but no authorization request for it was recorded in this browser although capture was running.',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    if (flow.authorize !== null || !cb) return;
    // A replay of a recorded flow's state is reported by state-reused-across-flows instead.
    if (cb.state !== null && ctx.analysis.flows.some((f) => f.authorize?.state === cb.state)) return;
    const event = stepEvent(flow, cb.step);
    const step = flow.steps[cb.step];
    if (!event || !step) return;
    // The first hop of the callback's redirect chain; anything earlier in that tab means capture was running.
    const chainStart = Math.min(
      ...ctx.analysis.events.filter((e) => e.kind === 'request' && e.requestId === event.requestId && e.tabId === event.tabId).map(eventTime),
      event.startTime,
    );
    const lateCapture = !ctx.analysis.events.some((e) => e.tabId === event.tabId && eventTime(e) < chainStart);
    const what = cb.code ? 'an authorization code' : cb.error ? `error=${cb.error}` : 'tokens';
    ctx.report({
      step: cb.step,
      severity: lateCapture ? 'info' : 'warning',
      ...(lateCapture ? { messageId: 'captureStartedLate', data: { redirectUri: flow.redirectUri ?? step.url, what, state: cb.state ?? '(none)' } } : { messageId: 'unsolicited', data: { redirectUri: flow.redirectUri ?? step.url, what, state: cb.state ?? '(none)' } }),
      evidence: [{ label: 'state', value: cb.state ?? '(absent)', step: cb.step }],
    });
  },
});
