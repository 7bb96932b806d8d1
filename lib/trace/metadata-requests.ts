import { originOf, parseJsonObject } from '../flow/params';
import type { AnalysisReport, FlowReport } from '../model/analysis';
import type { RequestEvent } from '../model/event';

/**
 * Where to fetch a flow's metadata when the capture lacks it (opt-in: `--fetch-metadata`).
 * Only the flow's own issuer is ever contacted: its discovery document at
 * `issuer + /.well-known/openid-configuration` (OIDC-Disc §4.1, trailing slash removed), and a
 * `jwks_uri` only when it is on the issuer's origin.
 */
export interface MetadataTarget {
  issuer: string;
  discoveryUrl: string;
  /** Start of the earliest flow of this issuer: fetched documents are placed just before it. */
  beforeTime: number;
}

/** A plain loop: the panel asks this of every flow on each render of a 50k-step capture. */
function hasDiscoveryStep(flow: FlowReport): boolean {
  for (const step of flow.steps) if (step.kind === 'discovery') return true;
  return false;
}

export function metadataTargets(report: AnalysisReport): MetadataTarget[] {
  const byIssuer = new Map<string, MetadataTarget>();
  // Thousands of flows share a few issuers: each is parsed as a URL once.
  const fetchable = new Map<string, boolean>();
  for (const flow of report.flows) {
    const issuer = flow.issuer;
    if (!issuer) continue;
    let ok = fetchable.get(issuer);
    if (ok === undefined) fetchable.set(issuer, (ok = /^https?:\/\//.test(issuer) && originOf(issuer) !== null));
    if (!ok) continue;
    if (hasDiscoveryStep(flow)) continue;
    const time = flow.startTime;
    const known = byIssuer.get(issuer);
    if (known) known.beforeTime = Math.min(known.beforeTime, time);
    else byIssuer.set(issuer, { issuer, discoveryUrl: `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, beforeTime: time });
  }
  return [...byIssuer.values()];
}

/** The JWKS location a fetched document names, if it is on the issuer's own origin. */
export function sameOriginJwksUri(issuer: string, document: Record<string, unknown> | null): string | null {
  const uri = document?.jwks_uri;
  return typeof uri === 'string' && originOf(uri) !== null && originOf(uri) === originOf(issuer) ? uri : null;
}

/** What fetching one metadata URL gave: a response (body already capped) or why it failed. */
export type MetadataResult =
  | { status: number; headers: Array<{ name: string; value: string }>; text: string; mimeType?: string | undefined; truncated: boolean }
  | { error: string };

/** Who fetched: the CLI (tab -1) or the extension on behalf of one tab. */
export interface MetadataSource {
  tabId: number;
  initiator: string;
  /** Prefix of event ids; must not collide with ids already in the capture. */
  idPrefix: string;
}

/** One fetched document as a captured request, so the normal classification sees it as discovery/JWKS. */
export function metadataEvent(url: string, time: number, index: number, result: MetadataResult, source: MetadataSource): RequestEvent {
  const id = `${source.idPrefix}${index + 1}`;
  const event: RequestEvent = {
    kind: 'request',
    id,
    requestId: id,
    tabId: source.tabId,
    frameId: 0,
    parentFrameId: -1,
    type: 'xmlhttprequest',
    initiator: source.initiator,
    method: 'GET',
    url,
    startTime: time,
  };
  if ('error' in result) return { ...event, error: result.error };
  return {
    ...event,
    status: result.status,
    responseHeaders: result.headers,
    responseBody: { text: result.text, truncated: result.truncated, source: 'import', ...(result.mimeType ? { mimeType: result.mimeType } : {}) },
  };
}

/**
 * Fetch each target's discovery document, then its same-origin JWKS, with the caller's fetcher
 * (the only I/O, injected so this stays pure). Failures become events too (with `error` or a
 * status), which the metadata checks then explain. Documents sit just before the issuer's first flow.
 */
export async function fetchMetadataEvents(
  report: AnalysisReport,
  fetchOne: (url: string) => Promise<MetadataResult>,
  source: MetadataSource,
): Promise<RequestEvent[]> {
  const events: RequestEvent[] = [];
  for (const target of metadataTargets(report)) {
    const discovery = metadataEvent(target.discoveryUrl, target.beforeTime - 2, events.length, await fetchOne(target.discoveryUrl), source);
    events.push(discovery);
    const jwksUri = sameOriginJwksUri(target.issuer, discovery.responseBody ? parseJsonObject(discovery.responseBody.text) : null);
    if (jwksUri) events.push(metadataEvent(jwksUri, target.beforeTime - 1, events.length, await fetchOne(jwksUri), source));
  }
  return events;
}
