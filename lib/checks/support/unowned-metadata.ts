import type { AnalysisContext } from '../../model/analysis-context';
import type { Finding } from '../../model/finding';
import discoveryFetchFailed from '../discovery-fetch-failed';
import jwksFetchFailed from '../jwks-fetch-failed';
import { renderRefs } from '../refs';
import { registeredCheck } from '../index';
import type { Check } from '../types';
import { fetchFailure, ownerFlow, requestEvent } from './metadata-fetch';

/**
 * Capture-wide findings (the report's top-level `findings`): a discovery or JWKS fetch that failed
 * and belongs to no flow — typically an SPA whose metadata request failed (CORS, wrong tenant), so
 * no login ever started. Checks run per flow and cannot see these.
 */
export function unownedMetadataFindings(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  const docs: Array<{ eventId: string; check: Check; what: string; shape: (json: Record<string, unknown>) => string | null }> = [
    ...ctx.discovery.map((d) => ({
      eventId: d.eventId,
      check: registeredCheck(discoveryFetchFailed),
      what: 'discovery document',
      shape: (json: Record<string, unknown>) => (typeof json.issuer === 'string' ? null : 'the JSON has no "issuer" member'),
    })),
    ...ctx.jwks.map((j) => ({
      eventId: j.eventId,
      check: registeredCheck(jwksFetchFailed),
      what: 'JWKS',
      shape: (json: Record<string, unknown>) => (Array.isArray(json.keys) ? null : 'the JSON has no "keys" array'),
    })),
  ];
  for (const doc of docs) {
    const event = requestEvent(ctx, doc.eventId);
    if (!event || ownerFlow(ctx, event)) continue;
    const reason = fetchFailure(event, doc.shape);
    if (!reason) continue;
    out.push({
      check: doc.check.id,
      severity: doc.check.severity,
      title: doc.check.title,
      message: `Loading the ${doc.what} ${event.url} failed: ${reason}. No login followed in this capture.`,
      cause: doc.check.cause,
      fix: doc.check.fix,
      spec: renderRefs(doc.check.refs),
      step: null,
      evidence: [
        { label: `${doc.what} URL`, value: event.url },
        { label: 'result', value: reason },
      ],
    });
  }
  return out;
}
