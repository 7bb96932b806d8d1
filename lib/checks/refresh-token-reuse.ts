import { stringField } from '../flow/params';
import type { Flow } from '../model/flow';
import { browserTokens, tokenError, tokenUsesAcrossFlows, type TokenUse } from './support/token-requests';
import { defineCheck } from './types';

/** Every refresh request of the capture that sends the refresh token `value`, oldest first. */
function refreshUses(value: string, flows: readonly Flow[]): TokenUse[] {
  return tokenUsesAcrossFlows(flows, (token) => token.grantType === 'refresh_token' && token.refreshToken === value);
}

/** RFC 9700 §4.14.2: with rotation, a refresh token is single-use; reuse revokes the family. */
export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'Rotated refresh token used again',
  refs: [{ spec: 'RFC 9700', section: '4.14' }, { spec: 'RFC 6749', section: '6' }],
  cause: 'Several tabs refresh at the same time while rotation is enabled, or the app keeps an old refresh token instead of the newest one.',
  fix: 'Make refresh single-flight across tabs (Web Locks or BroadcastChannel) and always store the newest refresh token.',
  messages: {
    reused: 'The refresh token "{refreshToken}" was sent {count} times{rotation}.{refusal}',
  },
  run(flow, ctx) {
    const seen = new Set<string>();
    for (const t of browserTokens(flow, ctx)) {
      if (t.grantType !== 'refresh_token' || t.refreshToken === null || seen.has(t.refreshToken)) continue;
      seen.add(t.refreshToken);
      const uses = refreshUses(t.refreshToken, ctx.analysis.flows);
      if (uses.length < 2) continue;
      const first = uses[0]!;
      const rotatedTo = stringField(first.token.response, 'refresh_token');
      const rotated = rotatedTo !== null && rotatedTo !== t.refreshToken;
      const refused = uses.slice(1).find((u) => tokenError(u.token).error === 'invalid_grant');
      if (!rotated && !refused) continue;
      // Report once, on the flow holding the second use.
      const second = uses[1]!;
      if (second.flow !== flow) continue;
      ctx.report({
        step: second.token.step,
        messageId: 'reused',
        data: { refreshToken: t.refreshToken, count: uses.length, rotation: rotated ? `, after the first response (step ${first.token.step + 1}${first.flow === flow ? '' : ` of flow ${first.flow.id}`}) had already rotated it to "${rotatedTo}"` : '', refusal: refused ? ` A later use was refused with invalid_grant${refused.flow === flow ? ` (step ${refused.token.step + 1})` : ` (flow ${refused.flow.id})`}.` : '' },
        evidence: [
          { label: 'refresh_token presented', value: t.refreshToken, ...(rotated ? { expected: rotatedTo } : {}), step: second.token.step },
        ],
      });
    }
  },
});
