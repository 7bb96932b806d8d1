import type { Severity } from '../model/finding';
import { DEVICE_CODE_GRANT, errorsIn, type SeenError } from './support/error-responses';
import { defineCheck } from './types';

/** RFC 8628 §3.5: what each polling answer means, and how serious it is. */
const STATES: Record<string, { severity: Severity; meaning: string }> = {
  authorization_pending: { severity: 'info', meaning: 'the user has not finished approving yet; keep polling at the interval' },
  slow_down: { severity: 'warning', meaning: 'the client polls too fast; it must add 5 seconds to its interval' },
  expired_token: { severity: 'error', meaning: 'the device_code expired before the user approved; start a new device authorization' },
  access_denied: { severity: 'info', meaning: 'the user refused the request on the verification page' },
};

/** RFC 8628 §3.5: device-flow polling states at the token endpoint, one finding per state. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'Device flow polling answer',
  refs: [{ spec: 'RFC 8628', section: '3.5' }],
  cause: 'Device flow polling states: the user has not approved yet, the client polls too fast, the code expired, or the user refused.',
  fix: 'Follow the RFC 8628 polling rules: wait `interval` seconds between polls, add 5 s after slow_down, stop at expired_token or access_denied.',
  messages: {
    pollingError: 'The token endpoint answered error={error} {times} while polling with the device_code grant: {meaning}.{codes}',
  },
  run(flow, ctx) {
    const polls = errorsIn(flow).filter((e) => e.source === 'token' && e.grantType === DEVICE_CODE_GRANT && e.error in STATES);
    const byValue = new Map<string, SeenError[]>();
    for (const e of polls) byValue.set(e.error, [...(byValue.get(e.error) ?? []), e]);
    for (const [value, seen] of byValue) {
      const state = STATES[value]!;
      const first = seen[0]!;
      const times = seen.length === 1 ? 'once' : `${seen.length} times`;
      const codes = first.providers.map((p) => ` ${p.code} (${p.provider}): ${p.meaning}.`).join('');
      ctx.report({
        step: first.step,
        severity: state.severity,
        messageId: 'pollingError',
        data: { error: value, times, meaning: state.meaning, codes },
        evidence: [
          { label: 'error', value, step: first.step },
          { label: 'answers', value: String(seen.length) },
          ...(first.description ? [{ label: 'error_description', value: first.description, step: first.step }] : []),
        ],
      });
    }
  },
});
