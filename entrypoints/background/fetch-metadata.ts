import { analyzeEvents } from '../../lib/analysis/analyze';
import type { CaptureEngine } from '../../lib/capture/capture';
import type { RequestEvent } from '../../lib/model/event';
import { fetchMetadataDocument } from '../../lib/trace/metadata-fetch';
import { fetchMetadataEvents, type MetadataResult } from '../../lib/trace/metadata-requests';

/** Recognisable in the panel and in exported traces: these hops were not made by the page. */
export const FETCH_METADATA_INITIATOR = 'oauth-lens fetch-metadata';

/**
 * "Fetch issuer metadata" for one tab: only the issuers of this tab's flows that have no captured
 * discovery step are contacted (lib/trace/metadata-requests.ts). Returns the events to add to
 * the tab's store; the caller ingests them so the usual flush re-analyses and publishes.
 */
export async function fetchTabMetadata(
  engine: CaptureEngine,
  tabId: number,
  now: number,
  fetchOne: (url: string) => Promise<MetadataResult> = fetchMetadataDocument,
): Promise<RequestEvent[]> {
  const { report } = await analyzeEvents(engine.eventsFor(tabId));
  // Ids unique per click: a failed fetch can be retried without replacing the earlier attempt.
  return fetchMetadataEvents(report, fetchOne, { tabId, initiator: FETCH_METADATA_INITIATOR, idPrefix: `fetched.${Math.round(now)}.` });
}
