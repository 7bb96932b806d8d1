import { isoTime, timedIdTokens, tokenWhere } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §3.1.3.7 step 9: the current time MUST be before exp (with a small leeway for skew). */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token already expired when received',
  refs: [{ spec: 'OIDC-Core', section: '2' }, { spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 9' }],
  cause: 'A token replayed from a cache, very short lifetimes combined with a slow exchange, or the local clock running ahead.',
  fix: 'Request fresh tokens and sync clocks (NTP).',
  messages: {
    expired: '{token} (step {step}) expired at {exp}, {ago} s before it was received at {receivedAt} (allowed skew {skew} s).',
  },
  run(flow, ctx) {
    const skew = ctx.analysis.options.skewSeconds;
    for (const { seen, claims, now } of timedIdTokens(flow, ctx)) {
      if (typeof claims.exp !== 'number') continue;
      if (claims.exp + skew > now) continue;
      const ago = Math.round(now - claims.exp);
      ctx.report({
        step: seen.step,
        messageId: 'expired',
        data: { token: tokenWhere(seen), step: seen.step + 1, exp: isoTime(claims.exp), ago, receivedAt: isoTime(Math.floor(now)), skew },
        evidence: [{ label: 'exp', value: `${claims.exp} (${isoTime(claims.exp)})`, expected: `> ${Math.floor(now) - skew} (received ${isoTime(Math.floor(now))} − ${skew} s skew)`, step: seen.step }],
      });
    }
  },
});
