import type { RequestEvent } from '../../model/event';

/**
 * Whether the browser reported this request's (or its response's) headers. A hop seen by the page
 * only (lib/flow/page-only.ts) has none, and some recorders write hops without any: there a
 * header that is not listed is unknown, not absent, and a check says "not known" or stays silent,
 * never "not sent".
 */
export function headersKnown(event: RequestEvent, side: 'request' | 'response'): boolean {
  if (event.seenByPageOnly) return false;
  return ((side === 'request' ? event.requestHeaders : event.responseHeaders)?.length ?? 0) > 0;
}
