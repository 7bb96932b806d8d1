import type { AnalysisReport } from '../lib/model/analysis';
import type { RequestEvent } from '../lib/model/event';
import { fetchMetadataDocument } from '../lib/trace/metadata-fetch';
import { fetchMetadataEvents } from '../lib/trace/metadata-requests';

/**
 * `analyze --fetch-metadata`: fetch the discovery document and JWKS of each flow's own issuer
 * and return them as events, so discovery-aware and signature checks can run. Failures become
 * events too (status or error), which the metadata checks then explain; each is also warned about.
 */
export async function fetchMetadata(report: AnalysisReport, warn: (line: string) => void): Promise<RequestEvent[]> {
  const events = await fetchMetadataEvents(report, fetchMetadataDocument, { tabId: -1, initiator: 'oauth-lens --fetch-metadata', idPrefix: 'fetched-' });
  for (const event of events) if (event.error) warn(`oauth-lens: --fetch-metadata: ${event.url}: ${event.error}\n`);
  return events;
}
