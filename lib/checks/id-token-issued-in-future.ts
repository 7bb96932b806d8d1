import { headerValue, originOf } from '../flow/params';
import type { Flow } from '../model/flow';
import { isoTime, type IdTokenSeen } from './support/id-tokens';
import { timeClaimCheck, type TimeClaimFound } from './support/time-claim';

/** The authorization server's own clock: the Date header of the response that delivered the token. */
function serverDate(flow: Flow, seen: IdTokenSeen): number | null {
  const candidates = seen.source === 'token' ? [flow.steps[seen.step]] : flow.steps.slice(0, seen.step).reverse().filter((s) => s.event && originOf(s.url) === flow.serverOrigin);
  for (const step of candidates) {
    const date = headerValue(step?.event?.responseHeaders, 'date');
    const ms = date ? Date.parse(date) : NaN;
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  return null;
}

/** Whose clock is wrong, from the server's Date header. */
function whose({ flow, seen, claim, value, now, skew }: TimeClaimFound): string {
  const date = serverDate(flow, seen);
  if (date !== null && Math.abs(date - value) <= skew) return `The server's Date header (${isoTime(Math.floor(date))}) agrees with ${claim}: this machine's clock is behind.`;
  if (date !== null && Math.abs(date - now) <= skew) return `The server's Date header (${isoTime(Math.floor(date))}) agrees with local time: the authorization server's token clock is ahead.`;
  return 'No Date header was captured, so it is unknown whose clock is wrong.';
}

/** OIDC-Core §3.1.3.7 step 10 (iat); RFC 7519 §4.1.5 (nbf). */
export default timeClaimCheck({
  claims: ['iat', 'nbf'],
  window: 'before-arrival',
  note: whose,
  section: 'token',
  severity: 'warning',
  title: 'ID Token issued in the future',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 10' }, { spec: 'RFC 7519', section: '4.1.5–4.1.6' }],
  cause: 'Clock skew between this machine and the authorization server.',
  fix: 'Sync the clock (NTP) on whichever side is wrong, or allow some leeway in the validator.',
  messages: {
    outside: '{token} (step {step}) has {claim} {time}, {seconds} s after it was received ({receivedAt}; allowed skew {skew} s). {note}',
  },
});
