import { defineCheck, type CheckDefinition, type CheckMeta } from '../types';
import { earlierFlowsWithSame } from './authorize-facts';
import { flowIdList } from './flow-index';

/** `reused` fills `{value}` (the repeated value), `{count}` (earlier requests) and `{flows}` (their ids). */
export type ReusedMessages = { readonly reused: string };

export interface ReusedAcrossFlows extends CheckMeta<ReusedMessages> {
  /** The authorization-request value that must be fresh per flow. */
  field: 'nonce' | 'codeChallenge';
  /** Its parameter name, for evidence labels. */
  param: 'nonce' | 'code_challenge';
}

/**
 * The family of "a per-request value was sent again" checks (nonce-reused, pkce-challenge-reused):
 * reported on the later flow only, so each reuse is reported once, naming the earlier flows.
 */
export function reusedAcrossFlowsCheck({ field, param, ...meta }: ReusedAcrossFlows): CheckDefinition<ReusedMessages> {
  return defineCheck({
    ...meta,
    run(flow, ctx) {
      const a = flow.authorize;
      const value = a?.[field];
      if (!a || !value) return;
      const earlier = earlierFlowsWithSame(flow, ctx.analysis.flows, field);
      if (!earlier.length) return;
      const first = earlier[0]!;
      ctx.report({
        step: a.step,
        messageId: 'reused',
        data: { value, count: earlier.length, flows: flowIdList(earlier) },
        evidence: [
          { label: `${param} (this flow)`, value, step: a.step },
          { label: `${param} (flow ${first.id})`, value: first.authorize?.[field] ?? '', expected: 'a different value per flow' },
        ],
      });
    },
  });
}
