import type { NavigationEvent, RequestEvent } from '../model/event';
import type { BeforeRequestDetails, ErrorDetails, NavigationDetails, RedirectDetails, RequestDetailsBase, ResponseDetails } from './details';
import { toRequestBody } from './body';
import { selectHeaders } from './headers';

/**
 * Event builders: plain webRequest / webNavigation details → CapturedEvent. One RequestEvent per
 * HTTP hop; hops of a redirect chain share `requestId` and get ids `<requestId>.<hop>`.
 */

export function hopId(requestId: string, hop: number): string {
  return `${requestId}.${hop}`;
}

/** Chrome gives `initiator` (an origin); Firefox gives `originUrl` (a URL). Keep the origin. */
export function initiatorOf(d: RequestDetailsBase): string | undefined {
  if (d.initiator) return d.initiator;
  const url = d.originUrl ?? d.documentUrl;
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function newRequestEvent(d: BeforeRequestDetails, hop: number, openerTabId?: number): RequestEvent {
  const event: RequestEvent = {
    kind: 'request',
    id: hopId(d.requestId, hop),
    requestId: d.requestId,
    tabId: d.tabId,
    frameId: d.frameId,
    parentFrameId: d.parentFrameId ?? -1,
    type: d.type,
    method: d.method,
    url: d.url,
    startTime: d.timeStamp,
  };
  const initiator = initiatorOf(d);
  if (initiator) event.initiator = initiator;
  if (openerTabId !== undefined) event.openerTabId = openerTabId;
  const body = toRequestBody(d.requestBody);
  if (body) event.requestBody = body;
  return event;
}

/** "HTTP/1.1 302 Found" → "Found". */
function statusTextOf(statusLine: string | undefined): string | undefined {
  const text = statusLine?.replace(/^\S+\s+\d{3}\s*/, '');
  return text ? text : undefined;
}

export function applyResponse(event: RequestEvent, d: ResponseDetails): void {
  event.status = d.statusCode;
  const statusText = statusTextOf(d.statusLine);
  if (statusText) event.statusText = statusText;
  const headers = selectHeaders(d.responseHeaders);
  // onCompleted/onBeforeRedirect may repeat the headers without extraHeaders (no Set-Cookie):
  // keep the fuller list from onHeadersReceived.
  if (headers && (!event.responseHeaders || headers.length >= event.responseHeaders.length)) event.responseHeaders = headers;
  if (d.fromCache) event.fromCache = true;
}

/** The hop ends in a redirect; `redirectUrl` is the Location, fragment included. */
export function applyRedirect(event: RequestEvent, d: RedirectDetails): void {
  applyResponse(event, d);
  event.redirectUrl = d.redirectUrl;
  event.endTime = d.timeStamp;
}

export function applyCompleted(event: RequestEvent, d: ResponseDetails): void {
  applyResponse(event, d);
  event.endTime = d.timeStamp;
}

export function applyError(event: RequestEvent, d: ErrorDetails): void {
  event.error = d.error;
  event.endTime = d.timeStamp;
  if (d.fromCache) event.fromCache = true;
}

export type NavigationKind = NavigationEvent['event'];

export function newNavigationEvent(kind: NavigationKind, d: NavigationDetails, id: string, sourceTabId?: number): NavigationEvent {
  const event: NavigationEvent = {
    kind: 'navigation',
    id,
    event: kind,
    tabId: d.tabId,
    frameId: d.frameId,
    parentFrameId: d.parentFrameId ?? -1,
    url: d.url,
    time: d.timeStamp,
  };
  if (d.transitionType) event.transitionType = d.transitionType;
  if (sourceTabId !== undefined) event.sourceTabId = sourceTabId;
  return event;
}
