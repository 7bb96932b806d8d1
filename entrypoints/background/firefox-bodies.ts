import { DiscoveredEndpoints, isDiscoveryUrl } from '../../lib/capture/discovered-endpoints';
import type { WebRequestBody } from '../../lib/capture/details';
import { shapeOfRequest, type Shape } from '../../lib/capture/prefilter';
import { MAX_BODY_CHARS } from '../../lib/model/event';
import { errorPageBodyToKeep } from '../../lib/capture/page-text';
import type { BodyCondition, BodyInput } from '../../lib/capture/recorder-bodies';

/** Firefox's `webRequest.filterResponseData` stream filter (not in Chrome's typings). */
export interface StreamFilterLike {
  ondata: ((event: { data: ArrayBuffer }) => void) | null;
  onstop: (() => void) | null;
  onerror: (() => void) | null;
  write(data: ArrayBuffer): void;
  close(): void;
  disconnect(): void;
}

export type FilterResponseData = (requestId: string) => StreamFilterLike;

/** Bodies worth reading: token, metadata and endpoint responses, fetched by script (RFC 6749 §5.1). */
const BODY_SHAPES: ReadonlySet<Shape> = new Set<Shape>(['token', 'metadata', 'endpoint', 'authorize']);

/**
 * Which response bodies the background reads: `all` for script-fetched token, metadata and
 * endpoint responses; `error-page` for an authorization request loaded as a page, whose body is
 * kept only when the server answered with its own error page (HTTP ≥ 400, or a 200 page naming a
 * provider error code: `errorPageBody`) — RFC 6749 §4.1.2.1:
 * it must not redirect to an unverified redirect_uri, and that page's text names the problem
 * (the same bodies the Chrome devtools page forwards, entrypoints/devtools/body-filter.ts).
 */
export function wantsBody(shape: Shape | null, type: string, method = 'GET'): 'all' | 'error-page' | null {
  if (shape === null || !BODY_SHAPES.has(shape)) return null;
  if (type === 'xmlhttprequest' || type === 'other' || type === 'fetch') return 'all';
  if (shape === 'authorize' && method === 'GET' && (type === 'main_frame' || type === 'sub_frame')) return 'error-page';
  return null;
}

/**
 * The body policy with what discovery documents taught it: the background decides before a
 * request leaves, by URL, so an endpoint whose path says nothing (the demo's UserInfo is `GET /me`)
 * is recognised from the discovery document read earlier (OpenID Connect Discovery 1.0 §3), as the
 * Chrome devtools page does (entrypoints/devtools/body-filter.ts). One per browser: an issuer's
 * endpoints are the same in every tab.
 */
export class BodyPicker {
  private readonly endpoints = new DiscoveredEndpoints();

  wants(d: { url: string; method: string; type: string; requestBody?: WebRequestBody | null }): 'all' | 'error-page' | null {
    const shape = shapeOfRequest(d.url, d.method, d.requestBody) ?? (this.endpoints.has(d.url) ? 'endpoint' : null);
    return wantsBody(shape, d.type, d.method);
  }

  /** A body was read: a discovery document's endpoints are remembered. */
  read(url: string, text: string): void {
    if (isDiscoveryUrl(url)) this.endpoints.learn(text);
  }
}

/** The keep-condition of an authorization request's page body: lib/capture/page-text.ts `errorPageBodyToKeep`, the rule Chromium's page text follows. */
export function errorPageBody(body: BodyInput): BodyCondition {
  return (hop) => {
    const kept = errorPageBodyToKeep(hop, body.text);
    if (!kept) return false;
    if (kept.pageText) return { ...body, text: kept.text, truncated: true, mimeType: 'text/plain', source: 'page-text' };
    return kept.excerpt ? { ...body, text: kept.text, truncated: true } : true;
  };
}

/**
 * Read a response body through a stream filter while passing every byte on unchanged. At most
 * MAX_BODY_CHARS×4 bytes are kept (UTF-8); the rest is only forwarded.
 */
export function readBody(filter: StreamFilterLike, done: (text: string, truncated: boolean) => void): void {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let truncated = false;
  const limit = MAX_BODY_CHARS * 4;
  filter.ondata = ({ data }) => {
    filter.write(data);
    if (kept >= limit) {
      truncated = true;
      return;
    }
    const bytes = new Uint8Array(data);
    const take = bytes.subarray(0, limit - kept);
    if (take.byteLength < bytes.byteLength) truncated = true;
    chunks.push(take.slice());
    kept += take.byteLength;
  };
  filter.onstop = () => {
    filter.close();
    const all = new Uint8Array(kept);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(all);
    done(text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text, truncated || text.length > MAX_BODY_CHARS);
  };
  filter.onerror = () => {
    // The request was cancelled or the filter could not attach: nothing to record.
  };
}
