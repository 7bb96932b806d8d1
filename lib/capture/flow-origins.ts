import type { RequestEvent } from '../model/event';
import type { CaptureLimits } from './limits';
import type { Shape } from './prefilter';
import type { TabRecord } from './tab-record';

/**
 * "Origins taking part in a flow" per tab. Once a tab shows an authorize, callback, token or
 * SAML request, every document/XHR request to the origins involved is kept for the correlation
 * window — that is how the relying party's `Set-Cookie` on `/login` before the redirect and the
 * `Cookie` on a form_post callback are seen (docs/checks.md `samesite-cookie-dropped`).
 * Subresources (images, scripts, styles) are never kept by origin.
 */

/** Shapes that open or continue a flow. Metadata, credentials and plain endpoints do not. */
export const FLOW_SHAPES: ReadonlySet<Shape> = new Set<Shape>(['authorize', 'callback', 'token', 'saml']);

/** Request types kept when their origin takes part in a flow. */
const ORIGIN_TYPES = new Set(['main_frame', 'sub_frame', 'xmlhttprequest', 'fetch', 'other', 'object', 'document']);

/** scheme://host[:port], lower-cased, without building a URL object (hot path). */
export function fastOrigin(url: string): string {
  const start = url.indexOf('//');
  if (start < 0) return '';
  const end = url.slice(start + 2).search(/[/?#]/);
  return (end < 0 ? url : url.slice(0, start + 2 + end)).toLowerCase();
}

export function flowActive(record: TabRecord | undefined, now: number, limits: CaptureLimits): boolean {
  return record !== undefined && record.lastFlowActivity > 0 && now - record.lastFlowActivity <= limits.flowWindowMs;
}

export function isFlowOrigin(record: TabRecord | undefined, url: string, type: string, now: number, limits: CaptureLimits): boolean {
  if (!record || !flowActive(record, now, limits) || !ORIGIN_TYPES.has(type)) return false;
  return fastOrigin(url) in record.flowOrigins;
}

/** Origins a flow-shaped request involves: its own, its initiator's, the redirect_uri's, its chain's. */
export function originsOf(event: RequestEvent, chain: readonly RequestEvent[], extra: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  const add = (url: string | undefined | null) => {
    if (url && /^https?:/i.test(url)) out.add(fastOrigin(url));
  };
  add(event.url);
  add(event.initiator);
  add(event.redirectUrl);
  for (const hop of chain) add(hop.url);
  for (const url of extra) add(url);
  const q = event.url.indexOf('?');
  if (q >= 0) {
    // redirect_uri / post_logout_redirect_uri name the relying party (RFC 6749 §3.1.2).
    const params = new URLSearchParams(event.url.slice(q + 1).split('#')[0]);
    add(params.get('redirect_uri'));
    add(params.get('post_logout_redirect_uri'));
  }
  return [...out];
}

/** Add origins to a tab's flow set, restarting the set when the previous flow window has ended. */
export function noteFlowOrigins(record: TabRecord, origins: readonly string[], now: number, limits: CaptureLimits): void {
  if (!flowActive(record, now, limits)) record.flowOrigins = {};
  for (const origin of origins) record.flowOrigins[origin] = now;
  record.lastFlowActivity = Math.max(record.lastFlowActivity, now);
}
