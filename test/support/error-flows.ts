import type { CapturedEvent, Header } from '../../lib/model/event';
import { APP, AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, codeFlow, hop, REDIRECT_URI, STATE } from './events';

/**
 * Failing flows for the error-response checks (docs/checks.md, error responses): an authorization error on the
 * callback, a refused token request, a refused resource call, and a silent renew in an iframe.
 */
const T = 1_700_000_000_000;

/** The authorization server redirects back with `error` (query by default) instead of a code. */
export function callbackError(error: string, description?: string, authorizeParams: Record<string, string | null> = {}): CapturedEvent[] {
  return codeFlow({
    authorizeParams,
    callbackParams: { code: null, error, ...(description === undefined ? {} : { error_description: description }) },
  });
}

/** Same, delivered with response_mode=form_post (FormPost §2): the error sits in the POST body. */
export function formPostError(error: string, description: string): CapturedEvent[] {
  const params = { client_id: CLIENT_ID, response_type: 'code', response_mode: 'form_post', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };
  return [
    ...chain([
      { url: `${APP}/login`, time: T },
      { url: authorizeUrl(params), time: T + 50 },
    ]),
    hop({
      url: REDIRECT_URI,
      method: 'POST',
      time: T + 2000,
      form: { error, error_description: description, state: STATE },
      requestHeaders: [{ name: 'Origin', value: AS }, { name: 'Sec-Fetch-Site', value: 'cross-site' }],
      status: 302,
      location: `${APP}/`,
    }),
  ];
}

/** The browser's token request is refused with this JSON body (HTTP 400 unless told). */
export function tokenError(body: Record<string, string>, status = 400, tokenForm: Record<string, string | null> = {}): CapturedEvent[] {
  return codeFlow({ exchange: 'browser', tokenStatus: status, tokenResponse: body, tokenForm });
}

/** A clean browser login, then a resource call with the issued token, answered with these headers. */
export function resourceCall(status: number, responseHeaders: Header[], path = '/api/orders', scheme = 'Bearer'): CapturedEvent[] {
  return [
    ...codeFlow({ exchange: 'browser' }),
    hop({
      url: `https://api.example.com${path}`,
      type: 'xmlhttprequest',
      time: T + 5000,
      requestHeaders: [{ name: 'Authorization', value: `${scheme} at-123` }, { name: 'Origin', value: APP }],
      status,
      responseHeaders,
    }),
  ];
}

/** A silent renew: a hidden iframe sends prompt=none and the callback comes back with `error`. */
export function silentRenewError(error: string, description?: string, time = T + 60_000): CapturedEvent[] {
  const params = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: `${APP}/silent-renew.html`, scope: 'openid', state: 'silent-state-Qm9vYmFyYmF6cXV4', code_challenge: CHALLENGE, code_challenge_method: 'S256', prompt: 'none' };
  const callback = new URLSearchParams({ error, state: params.state, ...(description === undefined ? {} : { error_description: description }) });
  return [
    hop({ url: `${APP}/dashboard`, time: time - 100 }),
    ...chain([
      { url: authorizeUrl(params), time, frameId: 5, type: 'sub_frame' },
      { url: `${params.redirect_uri}?${callback.toString()}`, time: time + 80, frameId: 5, type: 'sub_frame' },
    ]),
  ];
}
