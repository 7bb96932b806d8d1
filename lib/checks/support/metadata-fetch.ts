import type { AnalysisContext } from '../../model/analysis-context';
import { originOf, parseJsonObject, safeUrl } from '../../flow/params';
import type { RequestEvent } from '../../model/event';
import type { Flow } from '../../model/flow';

/**
 * Facts about metadata requests (discovery documents, JWKS): which flow reports about them, and
 * why a fetch failed. These requests are attached to flows by origin and time
 * (lib/flow/attach.ts); one that belongs to no flow is left for a capture-wide finding.
 */

/** The well-known documents of OIDC-Disc §4 and RFC 8414 §3 (not other /.well-known/ files). */
export const WELL_KNOWN = /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(?:\/|$)/;

export function isMetadataUrl(url: string): boolean {
  const u = safeUrl(url);
  return u !== null && WELL_KNOWN.test(u.pathname);
}

export function requestEvent(ctx: AnalysisContext, eventId: string): RequestEvent | null {
  const e = ctx.events.find((x) => x.id === eventId);
  return e?.kind === 'request' ? e : null;
}

/**
 * The one flow that reports about a metadata request: the flow holding it as a step, else the
 * earliest flow talking to that origin. Null when no flow relates to it (report it capture-wide).
 */
export function ownerFlow(ctx: AnalysisContext, event: RequestEvent): { flow: Flow; step: number | null } | null {
  for (const flow of ctx.flows) {
    const step = flow.steps.findIndex((s) => s.event?.id === event.id);
    if (step >= 0) return { flow, step };
  }
  const origin = originOf(event.url);
  const related = ctx.flows.find((f) => origin !== null && f.serverOrigin === origin);
  return related ? { flow: related, step: null } : null;
}

/**
 * Why the request failed, or null when it worked or we can't tell: a network or CORS error, a
 * non-2xx status (304 is a cache revalidation, fine), or a captured body that isn't a JSON object.
 * A body that wasn't captured proves nothing (docs/architecture.md "What the browser sees": a body not captured is unknown).
 */
export function fetchFailure(event: RequestEvent, shape: (json: Record<string, unknown>) => string | null = () => null): string | null {
  if (event.error) return `the browser reports a network or CORS error (${event.error})`;
  const status = event.status;
  if (status !== undefined && status !== 304 && (status < 200 || status > 299)) return `it answered HTTP ${status}${event.statusText ? ` ${event.statusText}` : ''}`;
  const body = event.responseBody;
  if (!body || body.truncated) return null;
  const json = parseJsonObject(body.text);
  if (!json) {
    const start = body.text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
    return `the body is not a JSON object (${body.mimeType ?? 'unknown type'}, starts with "${start}")`;
  }
  return shape(json);
}
