import { matchProviderError, providerErrorPointsTo } from '../diagnosis/match-provider-error';
import { browserTokens, tokenError, tokenErrorText } from './support/token-requests';
import { defineCheck } from './types';

const LATE_MS = 60_000;
/** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
const MAX_LIFETIME_MS = 600_000;

export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'Authorization code redeemed late',
  refs: [{ spec: 'RFC 6749', section: '4.1.2' }, { spec: 'RFC 6749', section: '10.5' }],
  cause: 'The code is stored and redeemed later, the user is asked something in between, or a queued job redeems it. Providers often use code lifetimes well below the 10-minute maximum the RFC recommends.',
  fix: 'Redeem the code right after the callback.',
  messages: {
    redeemedLate: 'The code arrived at the callback (step {callbackStep}) and was redeemed {seconds} s later (step {tokenStep}), over the {limit} s a code should live in the client.{consequence}',
  },
  run(flow, ctx) {
    const tokens = browserTokens(flow, ctx);
    const cb = flow.callback;
    if (!cb?.code) return;
    const arrived = flow.steps[cb.step]?.time;
    if (arrived === undefined) return;
    for (const t of tokens) {
      if (t.code !== cb.code) continue;
      const delay = (flow.steps[t.step]?.time ?? arrived) - arrived;
      if (delay <= LATE_MS) continue;
      const { error, description } = tokenError(t);
      const providerSays = providerErrorPointsTo(matchProviderError(tokenErrorText(flow, t), { url: flow.steps[t.step]?.url ?? '' }), 'code-exchanged-late');
      const expired = (error === 'invalid_grant' && /expire/i.test(description ?? '')) || providerSays;
      const seconds = Math.round(delay / 1000);
      ctx.report({
        step: t.step,
        severity: delay > MAX_LIFETIME_MS || expired ? 'error' : 'warning',
        messageId: 'redeemedLate',
        data: { callbackStep: cb.step + 1, seconds, tokenStep: t.step + 1, limit: LATE_MS / 1000, consequence: expired ? ` The server answered that the code expired${description ? ` ("${description}")` : ''}.` : delay > MAX_LIFETIME_MS ? ' That exceeds the 10-minute maximum lifetime RFC 6749 recommends.' : '' },
        evidence: [{ label: 'callback → token request', value: `${seconds} s`, expected: `≤ ${LATE_MS / 1000} s`, step: t.step }],
      });
    }
  },
});
