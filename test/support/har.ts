/** Minimal HAR 1.2 entries shaped like Chrome/Playwright exports, for import tests. */
export interface EntryInit {
  url: string;
  method?: string;
  status?: number;
  location?: string;
  redirectURL?: string;
  time?: string;
  pageref?: string;
  requestHeaders?: Array<{ name: string; value: string }>;
  postText?: string;
  responseJson?: unknown;
  resourceType?: string;
}

export function entry(init: EntryInit) {
  const headers = init.location ? [{ name: 'Location', value: init.location }] : [];
  return {
    pageref: init.pageref ?? 'page@1',
    startedDateTime: init.time ?? '2026-11-23T10:00:00.000Z',
    time: 12,
    request: {
      method: init.method ?? 'GET',
      url: init.url,
      httpVersion: 'HTTP/1.1',
      headers: init.requestHeaders ?? [{ name: 'Sec-Fetch-Dest', value: 'document' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(init.postText !== undefined ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: init.postText } } : {}),
    },
    response: {
      status: init.status ?? (init.location ? 302 : 200),
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers,
      cookies: [],
      redirectURL: init.redirectURL ?? init.location ?? '',
      content: init.responseJson !== undefined ? { size: 1, mimeType: 'application/json', text: JSON.stringify(init.responseJson) } : { size: 0, mimeType: 'text/html' },
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
    ...(init.resourceType ? { _resourceType: init.resourceType } : {}),
  };
}

export function har(entries: ReturnType<typeof entry>[]) {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [{ id: 'page@1', startedDateTime: '2026-11-23T10:00:00.000Z', title: 'app' }], entries } };
}
