import type { AnalysisContext } from '../../model/analysis-context';
import { defineCheck, type CheckDefinition, type CheckMeta } from '../types';
import { fetchFailure, ownerFlow, requestEvent } from './metadata-fetch';

/** Placeholders: `{url}` (the document's URL), `{reason}` (why loading it failed, `fetchFailure`). */
export type MetadataFetchMessages = { readonly fetchFailed: string };

export interface MetadataFetchCheck extends CheckMeta<MetadataFetchMessages> {
  /** The documents of this kind the analysis saw, each by the event that fetched it. */
  documents(analysis: AnalysisContext): Iterable<{ readonly eventId: string }>;
  /** Why a JSON body is not a document of this kind, or null when it is. */
  shape(json: Record<string, unknown>): string | null;
  /** The URL's name in evidence: `discovery URL`, `jwks_uri`. */
  urlLabel: string;
}

/**
 * The family of metadata documents that failed to load (discovery-fetch-failed, jwks-fetch-failed):
 * reported once, by the flow that owns the request (metadata-fetch.ts `ownerFlow`).
 */
export function metadataFetchCheck({ documents, shape, urlLabel, ...meta }: MetadataFetchCheck): CheckDefinition<MetadataFetchMessages> {
  return defineCheck({
    ...meta,
    run(flow, ctx) {
      for (const doc of documents(ctx.analysis)) {
        const event = requestEvent(ctx.analysis, doc.eventId);
        const owner = event ? ownerFlow(ctx.analysis, event) : null;
        if (!event || owner?.flow !== flow) continue;
        const reason = fetchFailure(event, shape);
        if (!reason) continue;
        ctx.report({
          step: owner.step,
          messageId: 'fetchFailed',
          data: { url: event.url, reason },
          evidence: [
            { label: urlLabel, value: event.url, ...(owner.step === null ? {} : { step: owner.step }) },
            { label: 'result', value: reason },
          ],
        });
      }
    },
  });
}
