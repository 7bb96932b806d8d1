import { brokerHop } from '../../providers/match';
import type { Flow } from '../../model/flow';

/**
 * The flow's authorization request is a broker's own hop that carries no state but a PKCE
 * code_challenge, at a broker that keeps the state itself (deviation `broker-state`, Supabase):
 * the missing state is the broker's design, not the app's omission. Without a code_challenge the
 * request is unprotected wherever it goes, so this stays false.
 */
export function brokerStateHop(flow: Flow): boolean {
  const a = flow.authorize;
  return a !== null && a.state === null && a.codeChallenge !== null && !a.opaque && brokerHop(flow.steps[a.step]?.url ?? '', a.params) !== null;
}
