import { providerOfUrl } from '../providers/match';
import { safeUrl } from './params';

/** What naming a flow's server needs (a FlowReport and a Flow both have it). */
export interface FlowHead {
  issuer: string | null;
  steps: ReadonlyArray<{ kind: string; url: string }>;
}

/** The host of a URL, or the text itself when it does not parse. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  return safeUrl(url)?.host ?? url;
}

/** The URL of the step that says whom the flow talks to: its authorization request, else its first step. */
function serverUrl(flow: FlowHead): string | null {
  return (flow.steps.find((s) => s.kind === 'authorize') ?? flow.steps[0])?.url ?? null;
}

/**
 * The authorization server a flow talks to, as a host: the issuer's, else that of its
 * authorization request (OAuth-only providers such as GitHub publish no issuer). One answer for
 * the panel's flow list, the popup and the CLI text.
 */
export function serverHost(flow: FlowHead): string | null {
  return hostOf(flow.issuer) ?? hostOf(serverUrl(flow));
}

/** The URLs a provider profile can be recognised by: the issuer, then the authorization request. */
export function serverUrls(flow: FlowHead): string[] {
  return [flow.issuer, serverUrl(flow)].filter((u): u is string => u !== null);
}

/** The provider's name when a known profile matches its URLs, else the issuer's (or authorize step's) host. */
export function providerLabel(flow: FlowHead): string {
  for (const url of serverUrls(flow)) {
    const profile = providerOfUrl(url);
    if (profile) return profile.name;
  }
  return serverHost(flow) ?? 'unknown server';
}
