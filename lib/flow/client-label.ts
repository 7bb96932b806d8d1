import { brokerHop } from '../providers/match';
import { queryParams } from './params';
import type { FlowHead } from './server-label';

/** What naming a flow's client needs (a FlowReport and a Flow both have it). */
export interface ClientHead extends FlowHead {
  clientId: string | null;
}

/**
 * What to say when a flow has no client_id, the same words in the panel's flow list and details,
 * the popup, the CLI text and the Markdown:
 * - "no client_id (Supabase Auth broker)": the flow starts at a broker's own authorization hop
 *   that takes no client_id by design (Supabase's /auth/v1/authorize?provider=…&redirect_to=…;
 *   the project, named by the flow's host, is the upstream provider's client);
 * - "no client_id sent": an authorization request was seen and it carried none;
 * - "client_id not seen": no authorization request was captured (the capture started mid-login),
 *   so the client is unknown, not absent.
 */
export function missingClientLabel(flow: FlowHead): string {
  const authorize = flow.steps.find((s) => s.kind === 'authorize');
  if (!authorize) return 'client_id not seen';
  const hop = brokerHop(authorize.url, queryParams(authorize.url));
  return hop ? `no client_id (${hop.profile.name} broker)` : 'no client_id sent';
}

/** The flow's client_id, or what {@link missingClientLabel} says in its place. */
export function clientLabel(flow: ClientHead): string {
  return flow.clientId ?? missingClientLabel(flow);
}
