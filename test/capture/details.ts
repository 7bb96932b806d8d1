import type { BeforeRequestDetails, RedirectDetails, ResponseDetails, SendHeadersDetails } from '../../lib/capture/details';
import type { CaptureEngine } from '../../lib/capture/capture';
import type { RequestEvent } from '../../lib/model/event';

/** Builders of webRequest-shaped details, as Chrome delivers them, for capture tests. */
export interface Req {
  requestId: string;
  url: string;
  method?: string;
  tabId?: number;
  type?: string;
  time?: number;
  initiator?: string;
  formData?: Record<string, string[]>;
  raw?: string;
}

export function base(r: Req): BeforeRequestDetails {
  const d: BeforeRequestDetails = {
    requestId: r.requestId,
    url: r.url,
    method: r.method ?? 'GET',
    tabId: r.tabId ?? 1,
    frameId: 0,
    parentFrameId: -1,
    type: r.type ?? 'main_frame',
    timeStamp: r.time ?? 1_000,
  };
  if (r.initiator) d.initiator = r.initiator;
  if (r.formData) d.requestBody = { formData: r.formData };
  if (r.raw !== undefined) d.requestBody = { raw: [{ bytes: new TextEncoder().encode(r.raw).buffer }] };
  return d;
}

export const header = (name: string, value: string) => ({ name, value });

export function sendHeaders(r: Req, headers: Array<{ name: string; value: string }>): SendHeadersDetails {
  return { ...base(r), requestHeaders: headers };
}

export function response(r: Req, status: number, headers: Array<{ name: string; value: string }> = [], time?: number): ResponseDetails {
  return { ...base(r), statusCode: status, statusLine: `HTTP/1.1 ${status} X`, responseHeaders: headers, timeStamp: time ?? (r.time ?? 1_000) + 5 };
}

export function redirect(r: Req, status: number, location: string, headers: Array<{ name: string; value: string }> = []): RedirectDetails {
  return { ...response(r, status, [...headers, header('Location', location)]), redirectUrl: location };
}

/** A full request: beforeRequest, headers, response, completed (or redirect when `location`). */
export function play(engine: CaptureEngine, r: Req, status = 200, opts: { reqHeaders?: Array<{ name: string; value: string }>; resHeaders?: Array<{ name: string; value: string }>; location?: string } = {}): void {
  engine.beforeRequest(base(r));
  engine.sendHeaders(sendHeaders(r, opts.reqHeaders ?? []));
  const res = response(r, status, opts.resHeaders ?? []);
  engine.headersReceived(opts.location ? { ...res, responseHeaders: [...(opts.resHeaders ?? []), header('Location', opts.location)] } : res);
  if (opts.location) engine.beforeRedirect(redirect(r, status, opts.location, opts.resHeaders));
  else engine.completed(res);
}

/** A captured top-level GET hop of tab 1 (request r1), with `over` on top: the shape the capture's pure helpers take. */
export function requestHop(over: Partial<RequestEvent> & Pick<RequestEvent, 'id' | 'url'>): RequestEvent {
  return { kind: 'request', requestId: 'r1', tabId: 1, frameId: 0, parentFrameId: -1, type: 'main_frame', method: 'GET', startTime: 1_000, ...over };
}
