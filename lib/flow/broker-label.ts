import type { FlowReport } from '../model/analysis';
import type { Finding } from '../model/finding';
import { providerLabel, serverHost, type FlowHead } from './server-label';

/**
 * How a brokered login's two flows (lib/flow/broker-link.ts) are named wherever users look: the
 * panel's flow list and details, the CLI text and the Markdown ("via Google, through Auth0"), and
 * the findings of the upstream leg, which say they are the broker's leg.
 */

interface LinkedHead extends FlowHead {
  id: string;
  clientId: string | null;
  upstreamOf?: string;
  upstreamLegs?: readonly string[];
}

/** The other flow of the link, named for a button or a sentence. */
export interface BrokerPeer {
  id: string;
  /** "Google" (an upstream leg) or "Auth0" (the app's flow). */
  provider: string;
}

export interface BrokerSummary {
  role: 'app' | 'upstream';
  /** A few words for a flow-list row: "via Google", "upstream of Auth0". */
  tag: string;
  /** One sentence for the details, without flow ids (views add their own reference to the peers). */
  sentence: string;
  peers: BrokerPeer[];
  /** On the app's flow whose upstream leg failed: "Failed at the upstream Google step (error-page)". */
  failure: string | null;
}

/** "GitHub, then Google". */
function names(list: readonly string[]): string {
  return [...new Set(list)].join(', then ');
}

/** What a brokered flow is, or null for a flow that is not part of a brokered login. */
export function brokerSummary(flow: FlowReport, flows: readonly FlowReport[]): BrokerSummary | null {
  if (!flow.upstreamOf && !flow.upstreamLegs?.length) return null;
  const byId = (id: string) => flows.find((f) => f.id === id);
  const broker = providerLabel(flow);
  if (flow.upstreamLegs?.length) {
    const legs = flow.upstreamLegs.map(byId).filter((f): f is FlowReport => f !== undefined);
    if (legs.length) {
      const upstream = names(legs.map(providerLabel));
      const failed = [...legs].reverse().find((l) => l.outcome === 'failed');
      return {
        role: 'app',
        tag: `via ${upstream}`,
        sentence: `Brokered login: via ${upstream}, through ${broker}.`,
        peers: legs.map((l) => ({ id: l.id, provider: providerLabel(l) })),
        failure: failed ? `Failed at the upstream ${providerLabel(failed)} step${stepOf(failed)}` : null,
      };
    }
  }
  const app = flow.upstreamOf ? byId(flow.upstreamOf) : undefined;
  if (!app) return null;
  const appBroker = providerLabel(app);
  return {
    role: 'upstream',
    tag: `upstream of ${appBroker}`,
    sentence: `Upstream leg of a brokered login: ${appBroker} signs the user in with ${broker} here.`,
    peers: [{ id: app.id, provider: appBroker }],
    failure: null,
  };
}

/** " (error-page)": the kind of step where a failed leg broke (its number is the leg's, not the app flow's). */
function stepOf(flow: FlowReport): string {
  const step = flow.failedAt != null ? flow.steps[flow.failedAt] : undefined;
  return step ? ` (${step.kind})` : '';
}

/**
 * The findings of an upstream leg, each saying whose leg it is: the fix belongs in the broker's
 * connection settings or the upstream provider's console, not in the app. The app's flow is named
 * the way the panel's flow list shows it (its server's host and its client), never by its internal
 * id, which no view shows: "At the upstream Google step (Auth0's leg of the login at
 * tenant.eu.auth0.com for client AbC…): ".
 */
export function onUpstreamLeg(leg: LinkedHead, flows: readonly LinkedHead[], findings: readonly Finding[]): Finding[] {
  const app = leg.upstreamOf ? flows.find((f) => f.id === leg.upstreamOf) : undefined;
  if (!app) return [...findings];
  const login = `the login at ${serverHost(app) ?? 'an unknown server'}${app.clientId === null ? '' : ` for client ${app.clientId}`}`;
  const lead = `At the upstream ${providerLabel(leg)} step (${providerLabel(app)}'s leg of ${login}): `;
  return findings.map((f) => ({ ...f, message: `${lead}${f.message}` }));
}
