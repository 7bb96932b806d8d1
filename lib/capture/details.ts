/**
 * The parts of webRequest / webNavigation listener details that capture reads, as plain
 * objects. The browser hands them over typed; they are not re-validated with zod on the hot path
 * (tens of thousands per minute), and every field that may be missing in one browser is optional.
 */

export interface HttpHeader {
  name: string;
  value?: string;
  binaryValue?: ArrayBuffer | ArrayLike<number>;
}

/** `requestBody` of onBeforeRequest (Chrome and Firefox agree on this shape). */
export interface WebRequestBody {
  error?: string;
  /** Chrome gives non-UTF-8 values as ArrayBuffer. */
  formData?: Record<string, Array<string | ArrayBuffer> | undefined>;
  raw?: Array<{ bytes?: ArrayBuffer | ArrayBufferView; file?: string }>;
}

export interface RequestDetailsBase {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  frameId: number;
  parentFrameId?: number;
  type: string;
  /** Epoch ms. */
  timeStamp: number;
  /** Chrome: the origin that caused the request. */
  initiator?: string;
  /** Firefox: the URL of the resource that triggered the request. */
  originUrl?: string;
  documentUrl?: string;
}

export interface BeforeRequestDetails extends RequestDetailsBase {
  requestBody?: WebRequestBody | null;
}

export interface SendHeadersDetails extends RequestDetailsBase {
  requestHeaders?: HttpHeader[];
}

export interface ResponseDetails extends RequestDetailsBase {
  statusCode: number;
  statusLine?: string;
  responseHeaders?: HttpHeader[];
  fromCache?: boolean;
}

export interface RedirectDetails extends ResponseDetails {
  redirectUrl: string;
}

export interface ErrorDetails extends RequestDetailsBase {
  error: string;
  fromCache?: boolean;
}

export interface NavigationDetails {
  tabId: number;
  frameId: number;
  parentFrameId?: number;
  url: string;
  timeStamp: number;
  transitionType?: string;
}

export interface CreatedTargetDetails {
  sourceTabId: number;
  sourceFrameId?: number;
  tabId: number;
  url: string;
  timeStamp: number;
}
