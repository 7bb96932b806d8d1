import { parseJsonObject } from '../lib/flow/params';
import type { AnalysisReport } from '../lib/model/analysis';
import type { RequestEvent } from '../lib/model/event';
import { metadataTargets, sameOriginJwksUri } from '../lib/trace/metadata-requests';

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 1024 * 1024;

/**
 * `analyze --fetch-metadata`: fetch the discovery document and JWKS of each flow's own issuer
 * and return them as events, so discovery-aware and signature checks can run. Failures become
 * events too (status or error), which the metadata checks then explain.
 */
export async function fetchMetadata(report: AnalysisReport, warn: (line: string) => void): Promise<RequestEvent[]> {
  const events: RequestEvent[] = [];
  for (const target of metadataTargets(report)) {
    const discovery = await fetchEvent(target.discoveryUrl, target.beforeTime - 2, events.length, warn);
    events.push(discovery);
    const jwksUri = sameOriginJwksUri(target.issuer, discovery.responseBody ? parseJsonObject(discovery.responseBody.text) : null);
    if (jwksUri) events.push(await fetchEvent(jwksUri, target.beforeTime - 1, events.length, warn));
  }
  return events;
}

async function fetchEvent(url: string, time: number, index: number, warn: (line: string) => void): Promise<RequestEvent> {
  const event: RequestEvent = {
    kind: 'request',
    id: `fetched-${index + 1}`,
    requestId: `fetched-${index + 1}`,
    tabId: -1,
    frameId: 0,
    parentFrameId: -1,
    type: 'xmlhttprequest',
    initiator: 'oauth-lens --fetch-metadata',
    method: 'GET',
    url,
    startTime: time,
  };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error', headers: { accept: 'application/json' } });
    const text = (await response.text()).slice(0, MAX_BYTES);
    event.status = response.status;
    event.responseHeaders = [...response.headers].map(([name, value]) => ({ name, value }));
    event.responseBody = { text, mimeType: response.headers.get('content-type') ?? undefined, truncated: false, source: 'import' };
  } catch (error) {
    event.error = error instanceof Error ? error.message : String(error);
    warn(`oauth-lens: --fetch-metadata: ${url}: ${event.error}\n`);
  }
  return event;
}
