import { calculateJwkThumbprint, type JWK } from 'jose';
import type { CapturedEvent, RequestEvent } from '../model/event';
import { TraceV1Schema, type RedactionManifest, type TraceV1 } from '../model/trace';
import { redactRequestBody, redactResponseBody } from './body';
import { computeRelations, tagRelations, type DerivedRecord } from './derived';
import { redactHeaders } from './headers';
import { makeSweeper, sweepEvent } from './sweep';
import { CollectingContext, computeTags, jwkKey, randomKey, ResolvedContext, TAG_HEX_LENGTH, type RedactContext } from './tags';
import { redactUrl } from './url';
import { scrubText } from './value';

export interface RedactOptions {
  /**
   * The HMAC key. Leave it out: a fresh random 256-bit key per export is what keeps tags from
   * different exports unlinkable (docs/trace-format.md "Tags"). Tests pass one to get stable tags.
   */
  key?: Uint8Array;
  /** Hex characters of HMAC per tag (docs/trace-format.md "Tags": 12–16 suit automated comparison). */
  hexLength?: number;
  /** Relations an earlier export recorded (redacting a redacted trace): they keep its flows intact. */
  derived?: readonly DerivedRecord[];
  /**
   * Ids of the events that belong to a flow (lib/trace/outside-flows computes them): the others
   * lose their bodies. Left out, every body is kept — export paths go through lib/trace/outside-flows.
   */
  inFlows?: ReadonlySet<string>;
}

export interface RedactedEvents {
  events: CapturedEvent[];
  manifest: RedactionManifest;
}

/**
 * Redact captured events for export (docs/trace-format.md "Redaction"). Relations needing raw values are
 * computed first; then a collecting pass finds every value to tag, the HMACs and JWK thumbprints
 * are computed in one batch, and a second pass over the same pure redactors builds the output.
 * The key lives only in this call.
 */
export async function redactEvents(events: readonly CapturedEvent[], options: RedactOptions = {}): Promise<RedactedEvents> {
  const relations = await computeRelations(events);
  // Tags are collected from every body, also those dropped below, so a value seen only in a
  // dropped body is still swept from the URLs and headers that echo it.
  const inFlows = options.inFlows;
  const kept = inFlows ? events.map((e) => (inFlows.has(e.id) ? e : withoutBodies(e))) : [...events];

  const collect = new CollectingContext();
  for (const e of events) redactEvent(e, collect);
  tagRelations(relations, collect);

  const thumbprints = new Map<string, string>();
  for (const jwk of collect.jwks) {
    try {
      const tp = await calculateJwkThumbprint(jwk as JWK);
      thumbprints.set(jwkKey(jwk), tp);
      if (!collect.labels.has(tp)) collect.labels.set(tp, 'jkt');
    } catch {
      // Not a usable public key: the redactor writes ⟦removed⟧ instead of a thumbprint tag.
    }
  }

  const hexLength = options.hexLength ?? TAG_HEX_LENGTH;
  const tags = await computeTags(collect.labels, options.key ?? randomKey(), hexLength);
  const resolved = new ResolvedContext(tags, thumbprints);
  const sweep = makeSweeper(tags);
  const out = kept.map((e) => sweepEvent(redactEvent(e, resolved), sweep));
  if (kept.some((e, i) => e !== events[i])) resolved.note('body:outside-flows');
  const derived = tagRelations(relations, resolved);
  return {
    events: out,
    manifest: { redacted: true, tagLength: hexLength, fields: [...resolved.fields].sort(), derived },
  };
}

/** Redact a trace v1; the result is validated, so unknown members of the input are dropped. */
export async function redactTrace(trace: TraceV1, options: RedactOptions = {}): Promise<TraceV1> {
  const previous = trace.redaction.redacted ? trace.redaction : null;
  const { events, manifest } = await redactEvents(trace.events, { ...options, derived: [...(options.derived ?? []), ...(previous?.derived ?? [])] });
  return TraceV1Schema.parse({
    format: trace.format,
    version: trace.version,
    createdAt: trace.createdAt,
    tool: trace.tool,
    redaction: {
      ...manifest,
      // Re-redacting keeps what an earlier export derived from values that are gone now.
      fields: [...new Set([...(previous?.fields ?? []), ...manifest.fields])].sort(),
      derived: [...(previous?.derived ?? []), ...manifest.derived],
    },
    events,
  });
}

export function redactEvent(e: CapturedEvent, ctx: RedactContext): CapturedEvent {
  if (e.kind === 'navigation') return { ...e, url: redactUrl(e.url, ctx) };
  const out: RequestEvent = { ...e, url: redactUrl(e.url, ctx) };
  if (e.initiator !== undefined) out.initiator = redactUrl(e.initiator, ctx);
  if (e.requestHeaders) out.requestHeaders = redactHeaders(e.requestHeaders, ctx);
  if (e.requestBody) out.requestBody = redactRequestBody(e.requestBody, e.requestHeaders, ctx);
  if (e.statusText !== undefined) out.statusText = scrubText(e.statusText, ctx);
  if (e.responseHeaders) out.responseHeaders = redactHeaders(e.responseHeaders, ctx);
  if (e.redirectUrl !== undefined) out.redirectUrl = redactUrl(e.redirectUrl, ctx);
  if (e.error !== undefined) out.error = scrubText(e.error, ctx);
  if (e.responseBody) out.responseBody = redactResponseBody(e.responseBody, e.responseHeaders, ctx);
  return out;
}

/** The event without its request and response bodies; URL, status and headers stay. */
export function withoutBodies(event: CapturedEvent): CapturedEvent {
  if (event.kind !== 'request' || (!event.requestBody && !event.responseBody)) return event;
  const { requestBody: _request, responseBody: _response, ...rest } = event;
  return rest;
}
