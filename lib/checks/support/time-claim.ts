import type { Flow } from '../../model/flow';
import { defineCheck, type CheckDefinition, type CheckMeta } from '../types';
import { isoTime, timedIdTokens, tokenWhere, type IdTokenSeen } from './id-tokens';

/**
 * Placeholders: `{token}`, `{step}`, `{claim}`, `{time}` (the claim as ISO time), `{seconds}` (how
 * far outside the window), `{receivedAt}`, `{skew}` and `{note}` (what the check adds, or '').
 */
export type TimeClaimMessages = { readonly outside: string };

export type TimeClaim = 'exp' | 'iat' | 'nbf';

export interface TimeClaimFound {
  flow: Flow;
  seen: IdTokenSeen;
  claim: TimeClaim;
  /** The claim, in epoch seconds. */
  value: number;
  /** When the token arrived, in epoch seconds. */
  now: number;
  skew: number;
}

export interface TimeClaimCheck extends CheckMeta<TimeClaimMessages> {
  /** The claims judged, in order; the first outside its window is reported. */
  claims: readonly TimeClaim[];
  /** `after-arrival`: the claim must lie after the token arrived (exp); `before-arrival`: before it (iat, nbf). */
  window: 'after-arrival' | 'before-arrival';
  /** A sentence for `{note}`. */
  note?(found: TimeClaimFound): string;
}

/**
 * The family of ID Token time claims judged against the token's arrival, with the configured skew
 * (OIDC-Core §3.1.3.7 steps 9–10, RFC 7519 §4.1.4–4.1.5): id-token-expired, id-token-issued-in-future.
 */
export function timeClaimCheck({ claims: judged, window, note, ...meta }: TimeClaimCheck): CheckDefinition<TimeClaimMessages> {
  const outside = (value: number, now: number, skew: number) => (window === 'after-arrival' ? value + skew <= now : value > now + skew);
  return defineCheck({
    ...meta,
    run(flow, ctx) {
      const skew = ctx.analysis.options.skewSeconds;
      for (const { seen, claims, now } of timedIdTokens(flow, ctx)) {
        const claim = judged.find((name) => typeof claims[name] === 'number' && outside(claims[name], now, skew));
        if (!claim) continue;
        const value = claims[claim] as number;
        const received = Math.floor(now);
        ctx.report({
          step: seen.step,
          messageId: 'outside',
          data: {
            token: tokenWhere(seen),
            step: seen.step + 1,
            claim,
            time: isoTime(value),
            seconds: window === 'after-arrival' ? Math.round(now - value) : Math.round(value - now),
            receivedAt: isoTime(received),
            skew,
            note: note?.({ flow, seen, claim, value, now, skew }) ?? '',
          },
          evidence: [
            {
              label: claim,
              value: `${value} (${isoTime(value)})`,
              expected: window === 'after-arrival' ? `> ${received - skew} (received ${isoTime(received)} − ${skew} s skew)` : `≤ ${received + skew} (received + ${skew} s)`,
              step: seen.step,
            },
          ],
        });
      }
    },
  });
}
