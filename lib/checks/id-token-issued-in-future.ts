import { headerValue, originOf } from '../flow/params';
import type { Flow } from '../model/flow';
import { isoTime, timedIdTokens, tokenWhere, type IdTokenSeen } from './support/id-tokens';
import { defineCheck } from './types';

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

/** OIDC-Core §3.1.3.7 step 10 (iat); RFC 7519 §4.1.5 (nbf). */
export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'ID Token issued in the future',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 10' }, { spec: 'RFC 7519', section: '4.1.5–4.1.6' }],
  cause: 'Clock skew between this machine and the authorization server.',
  fix: 'Sync the clock (NTP) on whichever side is wrong, or allow some leeway in the validator.',
  messages: {
    inFuture: '{token} (step {step}) has {claim} {time}, {ahead} s after it was received ({receivedAt}; allowed skew {skew} s). {whose}',
  },
  run(flow, ctx) {
    const skew = ctx.analysis.options.skewSeconds;
    for (const { seen, claims, now } of timedIdTokens(flow, ctx)) {
      const claim = typeof claims.iat === 'number' && claims.iat > now + skew ? 'iat' : typeof claims.nbf === 'number' && claims.nbf > now + skew ? 'nbf' : null;
      if (!claim) continue;
      const value = claims[claim] as number;
      const ahead = Math.round(value - now);
      const date = serverDate(flow, seen);
      let whose = 'No Date header was captured, so it is unknown whose clock is wrong.';
      if (date !== null && Math.abs(date - value) <= skew) whose = `The server's Date header (${isoTime(Math.floor(date))}) agrees with ${claim}: this machine's clock is behind.`;
      else if (date !== null && Math.abs(date - now) <= skew) whose = `The server's Date header (${isoTime(Math.floor(date))}) agrees with local time: the authorization server's token clock is ahead.`;
      ctx.report({
        step: seen.step,
        messageId: 'inFuture',
        data: { token: tokenWhere(seen), step: seen.step + 1, claim, time: isoTime(value), ahead, receivedAt: isoTime(Math.floor(now)), skew, whose },
        evidence: [{ label: claim, value: `${value} (${isoTime(value)})`, expected: `≤ ${Math.floor(now) + skew} (received + ${skew} s)`, step: seen.step }],
      });
    }
  },
});
