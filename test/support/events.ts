import type { CapturedEvent, Header, Param, RequestEvent } from '../../lib/model/event';

/**
 * Builders for realistic captured traffic, shaped like what webRequest records. Tests describe a
 * login as a few calls and override exactly the detail they are about.
 */
let counter = 0;
export function resetIds(): void {
  counter = 0;
}

export interface HopInit {
  url: string;
  method?: string;
  type?: string;
  status?: number;
  location?: string;
  tabId?: number;
  frameId?: number;
  requestId?: string;
  time?: number;
  requestHeaders?: Header[];
  responseHeaders?: Header[];
  form?: Param[] | Record<string, string>;
  text?: string;
  responseJson?: unknown;
  responseText?: string;
  error?: string;
  openerTabId?: number;
}

function toParams(form: Param[] | Record<string, string>): Param[] {
  return Array.isArray(form) ? form : Object.entries(form).map(([name, value]) => ({ name, value }));
}

export function hop(init: HopInit): RequestEvent {
  counter += 1;
  const time = init.time ?? 1_700_000_000_000 + counter * 100;
  const headers: Header[] = [...(init.responseHeaders ?? [])];
  if (init.location) headers.push({ name: 'Location', value: init.location });
  const event: RequestEvent = {
    kind: 'request',
    id: `e${counter}`,
    requestId: init.requestId ?? `r${counter}`,
    tabId: init.tabId ?? 1,
    frameId: init.frameId ?? 0,
    parentFrameId: init.frameId ? 0 : -1,
    type: init.type ?? 'main_frame',
    method: init.method ?? 'GET',
    url: init.url,
    requestHeaders: init.requestHeaders ?? [],
    responseHeaders: headers,
    status: init.status ?? (init.location ? 302 : 200),
    startTime: time,
    endTime: time + 20,
  };
  if (init.openerTabId !== undefined) event.openerTabId = init.openerTabId;
  if (init.location) event.redirectUrl = new URL(init.location, init.url).href;
  if (init.form) event.requestBody = { kind: 'form', fields: toParams(init.form) };
  if (init.text !== undefined) event.requestBody = { kind: 'text', text: init.text, truncated: false };
  if (init.responseJson !== undefined) {
    event.responseBody = { text: JSON.stringify(init.responseJson), mimeType: 'application/json', truncated: false, source: 'devtools' };
  }
  if (init.responseText !== undefined) event.responseBody = { text: init.responseText, mimeType: 'text/html', truncated: false, source: 'devtools' };
  if (init.error) event.error = init.error;
  return event;
}

/** A redirect chain: every hop shares one requestId, each hop's Location is the next hop's URL. */
/**
 * What the page keeps of a hop the browser reported nothing of (lib/flow/page-only.ts): its URL,
 * status and times. Method, headers, bodies and redirect target are gone.
 */
export function seenByPageOnly(hop: RequestEvent, from: 'navigation-timing' | 'resource-timing'): RequestEvent {
  return {
    kind: 'request',
    id: `page:${hop.id}.0`,
    requestId: `page:${hop.id}`,
    tabId: hop.tabId,
    frameId: hop.frameId,
    parentFrameId: -1,
    type: hop.type,
    method: '',
    url: hop.url,
    startTime: hop.startTime - 5,
    recovered: { from, status: hop.status!, at: hop.startTime + 20 },
    seenByPageOnly: true,
  };
}

export function chain(hops: Array<Omit<HopInit, 'requestId' | 'location'> & { location?: string }>): RequestEvent[] {
  counter += 1;
  const requestId = `chain${counter}`;
  return hops.map((h, i) => {
    const next = hops[i + 1];
    return hop({ ...h, requestId, ...(next ? { location: h.location ?? next.url } : h.location ? { location: h.location } : {}) });
  });
}

export const AS = 'https://idp.example.com';
export const APP = 'https://app.example.com';
export const CLIENT_ID = 'web-app';
export const REDIRECT_URI = `${APP}/callback`;
export const STATE = 'Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a';
export const NONCE = 'n-0S6_WzA2Mj-nonce-77';
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
/** BASE64URL(SHA256(VERIFIER)) from RFC 7636 Appendix B. */
export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
export const CODE = 'SplxlOBeZQQYbYS6WxSbIA';

export interface CodeFlowOptions {
  authorizeParams?: Record<string, string | null>;
  callbackUrl?: string;
  callbackParams?: Record<string, string | null>;
  /** 'server': the app redeems the code (not observable); 'browser': a fetch to the token endpoint. */
  exchange?: 'server' | 'browser' | 'none';
  tokenForm?: Record<string, string | null>;
  tokenStatus?: number;
  tokenResponse?: unknown;
  tabId?: number;
  startTime?: number;
}

function withOverrides(base: Record<string, string>, overrides: Record<string, string | null> | undefined): Record<string, string> {
  const out: Record<string, string> = { ...base };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

export function authorizeUrl(params: Record<string, string>): string {
  return `${AS}/authorize?${new URLSearchParams(params).toString()}`;
}

/**
 * A clean authorization-code login: app /login → authorize → login page → callback → (token).
 * Every check must stay silent on `codeFlow()` with no options.
 */
export function codeFlow(options: CodeFlowOptions = {}): CapturedEvent[] {
  const tabId = options.tabId ?? 1;
  const authorize = withOverrides(
    {
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email',
      state: STATE,
      nonce: NONCE,
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
    },
    options.authorizeParams,
  );
  const callback = withOverrides({ code: CODE, state: authorize.state ?? STATE, iss: AS }, options.callbackParams);
  const callbackUrl = `${options.callbackUrl ?? authorize.redirect_uri ?? REDIRECT_URI}?${new URLSearchParams(callback).toString()}`;
  const exchange = options.exchange ?? 'server';
  const t = options.startTime ?? 1_700_000_000_000;
  const events: CapturedEvent[] = [
    ...chain([
      { url: `${APP}/login`, tabId, time: t, responseHeaders: [{ name: 'Set-Cookie', value: 'tx=abc; Path=/; HttpOnly; SameSite=Lax' }] },
      { url: authorizeUrl(authorize), tabId, time: t + 50, status: 303, location: `${AS}/interaction/abc` },
      { url: `${AS}/interaction/abc`, tabId, time: t + 100 },
    ]),
    ...chain([
      { url: `${AS}/interaction/abc/login`, method: 'POST', tabId, time: t + 2000, form: { login: 'alice', password: 'pw' }, status: 303, location: `${AS}/authorize/abc` },
      { url: `${AS}/authorize/abc`, tabId, time: t + 2050 },
      { url: callbackUrl, tabId, time: t + 2100, status: exchange === 'browser' ? 200 : 302, ...(exchange === 'browser' ? {} : { location: `${APP}/` }) },
    ]),
  ];
  if (exchange === 'browser') {
    const form = withOverrides(
      { grant_type: 'authorization_code', code: callback.code ?? CODE, redirect_uri: authorize.redirect_uri ?? REDIRECT_URI, client_id: CLIENT_ID, code_verifier: VERIFIER },
      options.tokenForm,
    );
    events.push(
      hop({
        url: `${AS}/token`,
        method: 'POST',
        type: 'xmlhttprequest',
        tabId,
        time: t + 2300,
        form,
        requestHeaders: [{ name: 'Origin', value: APP }, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        status: options.tokenStatus ?? 200,
        responseHeaders: [{ name: 'Cache-Control', value: 'no-store' }, { name: 'Content-Type', value: 'application/json' }],
        responseJson: options.tokenResponse ?? { access_token: 'at-123', token_type: 'Bearer', expires_in: 3600, scope: authorize.scope },
      }),
    );
  }
  return events;
}
