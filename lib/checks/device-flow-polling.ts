import { getParam, responseObject, stringField } from '../flow/params';
import type { Flow } from '../model/flow';
import { DEVICE_CODE_GRANT } from './support/error-responses';
import { defineCheck } from './types';

interface Poll {
  flow: Flow;
  step: number;
  time: number;
  error: string | null;
}

/** RFC 8628 §3.2: when the response omits `interval`, clients must use 5 seconds. */
const DEFAULT_INTERVAL = 5;
/** Timers and network jitter: a poll this close to the interval still counts as on time. */
const TOLERANCE_S = 0.5;

/** The device-authorization response of this device_code, in any flow: issue time, interval, lifetime. */
function authorizationOf(flows: readonly Flow[], deviceCode: string): { flow: Flow; time: number; interval: number; intervalGiven: boolean; expiresIn: number | null } | null {
  for (const flow of flows) {
    for (const s of flow.steps) {
      const body = s.kind === 'device-authorization' && s.event ? responseObject(s.event) : null;
      if (stringField(body, 'device_code') !== deviceCode) continue;
      const intervalGiven = typeof body?.interval === 'number' && body.interval > 0;
      const interval = intervalGiven && typeof body?.interval === 'number' ? body.interval : DEFAULT_INTERVAL;
      const expiresIn = typeof body?.expires_in === 'number' ? body.expires_in : null;
      return { flow, time: s.event?.endTime ?? s.time, interval, intervalGiven, expiresIn };
    }
  }
  return null;
}

/** RFC 8628 §3.2, §3.4, §3.5: poll no faster than `interval` (+5 s after slow_down) and stop at `expires_in`. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: "Device flow polling ignores the server's timing",
  refs: [{ spec: 'RFC 8628', section: '3.2' }, { spec: 'RFC 8628', section: '3.4' }, { spec: 'RFC 8628', section: '3.5' }],
  cause: "The polling loop ignores the server's interval, does not slow down after slow_down, or keeps going after the device code expired.",
  fix: 'Wait `interval` seconds between polls (default 5), add 5 s after every slow_down, and stop at expires_in or at expired_token / access_denied.',
  messages: {
    pollingProblems: 'Device flow polling with device_code {code}…: {problems}.',
  },
  run(flow, ctx) {
    const codes = new Set(flow.tokens.filter((t) => t.grantType === DEVICE_CODE_GRANT).map((t) => getParam(t.params, 'device_code') ?? ''));
    for (const code of codes) {
      const polls: Poll[] = ctx.analysis.flows
        .flatMap((f) => f.tokens.filter((t) => t.grantType === DEVICE_CODE_GRANT && (getParam(t.params, 'device_code') ?? '') === code).map((t) => ({ flow: f, step: t.step, time: f.steps[t.step]?.time ?? 0, error: stringField(t.response, 'error') })))
        .sort((a, b) => a.time - b.time);
      const auth = code ? authorizationOf(ctx.analysis.flows, code) : null;
      // Report once per device_code: on the flow of its device-authorization step, else of its first poll.
      if ((auth?.flow ?? polls[0]?.flow) !== flow) continue;
      let interval = auth?.interval ?? DEFAULT_INTERVAL;
      let previous = auth?.time ?? null;
      const problems: string[] = [];
      let fast = 0;
      let slowDowns = 0;
      let expiredAt: number | null = auth?.expiresIn != null ? auth.time + auth.expiresIn * 1000 : null;
      let afterExpiry = 0;
      for (const p of polls) {
        if (previous !== null && (p.time - previous) / 1000 < interval - TOLERANCE_S) fast += 1;
        if (expiredAt !== null && p.time > expiredAt + TOLERANCE_S * 1000) afterExpiry += 1;
        if (p.error === 'slow_down') {
          slowDowns += 1;
          interval += 5; // RFC 8628 §3.5
        }
        if (p.error === 'expired_token') expiredAt = Math.min(expiredAt ?? p.time, p.time);
        previous = p.time;
      }
      if (fast) problems.push(`${fast} of ${polls.length} polls came sooner than the interval (${auth?.interval ?? DEFAULT_INTERVAL} s${auth?.intervalGiven ? '' : ', the RFC 8628 default'}${slowDowns ? ', raised by 5 s per slow_down' : ''})`);
      if (slowDowns) problems.push(`the server answered slow_down ${slowDowns === 1 ? 'once' : `${slowDowns} times`}`);
      if (afterExpiry) problems.push(`${afterExpiry} ${afterExpiry === 1 ? 'poll was' : 'polls were'} sent after the device code expired${auth?.expiresIn != null ? ` (expires_in ${auth.expiresIn} s)` : ''}`);
      if (problems.length === 0) continue;
      const at = polls.find((p) => p.flow === flow)?.step ?? null;
      ctx.report({
        step: at,
        messageId: 'pollingProblems',
        data: { code: code.slice(0, 12), problems: problems.join('; ') },
        evidence: [
          { label: 'interval', value: `${interval} s at the end`, expected: `${auth?.interval ?? DEFAULT_INTERVAL} s, +5 s per slow_down` },
          { label: 'polls', value: String(polls.length) },
        ],
      });
    }
  },
});
