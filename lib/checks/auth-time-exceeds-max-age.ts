import { claimsOf, isoTime, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.1 (max_age, prompt=login), §3.1.3.7 step 13 (auth_time REQUIRED with max_age). */
export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'Authentication older than requested',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.1' }, { spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 13' }],
  cause: 'The authorization server reused an old session without re-authenticating the user.',
  fix: 'Reject the token, or start a new flow with prompt=login.',
  messages: {
    authTimeMissing: 'The request asked for {asked}, but {where} has no auth_time claim.',
    maxAgeExceeded: 'The request asked for max_age={maxAge} s, but {where} says the user authenticated at {authTime}, {age} s before the token arrived.',
    notReauthenticated: 'The request asked for prompt=login at {askedAt}, but {where} has auth_time {authTime}, before the request: the user was not re-authenticated.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a) return;
    const maxAge = a.maxAge !== null && /^\d+$/.test(a.maxAge) ? Number(a.maxAge) : null;
    const login = (a.prompt ?? '').split(' ').includes('login');
    if (maxAge === null && !login) return;
    const skew = ctx.analysis.options.skewSeconds;
    const askedAt = (flow.steps[a.step]?.time ?? 0) / 1000;
    for (const seen of visibleIdTokens(flow, ctx).filter((s) => s.initial)) {
      const claims = claimsOf(seen);
      if (!claims) continue;
      const where = `${tokenWhere(seen, true)} (step ${seen.step + 1})`;
      const asked = maxAge !== null ? `max_age=${maxAge}` : 'prompt=login';
      if (typeof claims.auth_time !== 'number') {
        ctx.report({ step: seen.step, messageId: 'authTimeMissing', data: { asked, where }, evidence: [{ label: 'auth_time', value: '(missing)', step: seen.step }] });
        continue;
      }
      const now = seen.receivedAt / 1000;
      const age = Math.round(now - claims.auth_time);
      if (maxAge !== null && age > maxAge + skew) {
        ctx.report({
          step: seen.step,
          messageId: 'maxAgeExceeded',
          data: { maxAge, where, authTime: isoTime(claims.auth_time), age },
          evidence: [{ label: 'now − auth_time', value: `${age} s`, expected: `≤ ${maxAge} s (+${skew} s skew)`, step: seen.step }],
        });
      } else if (maxAge === null && claims.auth_time < askedAt - skew) {
        ctx.report({
          step: seen.step,
          messageId: 'notReauthenticated',
          data: { askedAt: isoTime(Math.floor(askedAt)), where, authTime: isoTime(claims.auth_time) },
          evidence: [{ label: 'auth_time', value: isoTime(claims.auth_time), expected: `≥ ${isoTime(Math.floor(askedAt))}`, step: seen.step }],
        });
      }
    }
  },
});
