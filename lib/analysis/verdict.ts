import { appErrorOnCallback } from '../flow/app-response';
import { tokenFailed } from '../flow/token-exchange';
import type { Finding } from '../model/finding';
import type { Flow, JudgedFlow, Outcome } from '../model/flow';

export interface OutcomeDecision {
  outcome: Outcome;
  /** Index of the step where the login broke (failed only). */
  failedAt: number | null;
}

/**
 * What happened, never how safe it was (issue 17 point 4): severity is for findings.
 * - failed: an error response at the callback, the authorization server's own error page, a
 *   refused token call, or the app answering its callback with an error (docs/architecture.md "Correlating flows" step 8);
 * - success: the app received its code or tokens and nothing in the exchange failed;
 * - incomplete: otherwise (still running, or the capture ends before the callback).
 * A security finding (no state, weak PKCE, …) never turns a completed login into a failure.
 */
export function decideOutcome(flow: Flow): OutcomeDecision {
  const failed = (failedAt: number | null): OutcomeDecision => ({ outcome: 'failed', failedAt });
  const cb = flow.callback;
  if (flow.errorPage !== null) return failed(flow.errorPage);
  if (cb?.error) return failed(cb.step);
  if (cb && appErrorOnCallback(flow) !== null) return failed(cb.step);
  const refused = flow.tokens.find(tokenFailed);
  if (refused) return failed(refused.step);
  if (cb && (cb.code || cb.idToken || cb.accessToken)) return { outcome: 'success', failedAt: null };
  if (!flow.authorize && flow.tokens.length > 0) return { outcome: 'success', failedAt: null };
  if (flow.steps.some((s) => s.kind === 'logout') && flow.steps.length > 1) return { outcome: 'success', failedAt: null };
  return { outcome: 'incomplete', failedAt: null };
}

/**
 * Phase 5: each flow with its findings and its outcome (which findings never change), as new
 * values (the correlated flows stay as they were). A brokered login that never came back because
 * its upstream leg failed (lib/flow/broker-link.ts) failed there: its own steps hold no failing
 * step (failedAt null), the views name the upstream step (lib/flow/broker-label.ts).
 */
export function judgeFlows(flows: readonly Flow[], findings: ReadonlyArray<readonly Finding[]>): JudgedFlow[] {
  const decided = flows.map(decideOutcome);
  const failedIds = new Set(flows.filter((_, i) => decided[i]!.outcome === 'failed').map((f) => f.id));
  return flows.map((flow, i) => {
    const own = findings[i] ?? [];
    const decision = decided[i]!;
    const upstreamFailed = decision.outcome === 'incomplete' && (flow.upstreamLegs ?? []).some((id) => failedIds.has(id));
    return { ...flow, ...(upstreamFailed ? { outcome: 'failed' as const, failedAt: null } : decision), findings: own };
  });
}
