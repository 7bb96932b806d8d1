import { describe, expect, it } from 'vitest';
import { BodyPicker, errorPageBody, readBody, wantsBody, type StreamFilterLike } from '../../entrypoints/background/firefox-bodies';
import { CaptureEngine } from '../../lib/capture/capture';
import { MAX_BODY_CHARS, type RequestEvent } from '../../lib/model/event';
import { base, play, response } from '../capture/details';

/** Firefox reads response bodies in the background with filterResponseData (no DevTools). */
describe('wantsBody', () => {
  it('reads every script-fetched token, metadata and endpoint response', () => {
    for (const type of ['xmlhttprequest', 'fetch', 'other']) {
      expect(wantsBody('token', type, 'POST')).toBe('all');
      expect(wantsBody('metadata', type)).toBe('all');
    }
  });

  it('reads an authorization request loaded as a page only for its error page', () => {
    expect(wantsBody('authorize', 'main_frame')).toBe('error-page');
    expect(wantsBody('authorize', 'sub_frame')).toBe('error-page');
    expect(wantsBody('authorize', 'main_frame', 'POST')).toBeNull();
  });

  it('leaves other requests alone (no filter, no cost)', () => {
    expect(wantsBody(null, 'xmlhttprequest')).toBeNull();
    expect(wantsBody('token', 'main_frame', 'POST')).toBeNull();
    expect(wantsBody('metadata', 'image')).toBeNull();
  });
});

describe('BodyPicker', () => {
  const ISSUER = 'http://127.0.0.1:4000';
  const discovery = JSON.stringify({ issuer: ISSUER, token_endpoint: `${ISSUER}/token`, userinfo_endpoint: `${ISSUER}/me`, jwks_uri: `${ISSUER}/jwks` });

  it('reads the body of an endpoint named only by a discovery document read earlier (UserInfo at /me)', () => {
    const picker = new BodyPicker();
    const me = { url: `${ISSUER}/me`, method: 'GET', type: 'xmlhttprequest' };
    expect(picker.wants(me)).toBeNull();
    const wellKnown = { url: `${ISSUER}/.well-known/openid-configuration`, method: 'GET', type: 'xmlhttprequest' };
    expect(picker.wants(wellKnown)).toBe('all');
    picker.read(wellKnown.url, discovery);
    expect(picker.wants(me)).toBe('all');
    expect(picker.wants({ ...me, url: `${ISSUER}/me?x=1` })).toBe('all');
    // Loaded as a page it stays unread, like any endpoint; other paths stay unknown.
    expect(picker.wants({ ...me, type: 'main_frame' })).toBeNull();
    expect(picker.wants({ ...me, url: `${ISSUER}/profile` })).toBeNull();
  });

  it('learns only from discovery documents', () => {
    const picker = new BodyPicker();
    picker.read(`${ISSUER}/token`, discovery);
    picker.read(`${ISSUER}/.well-known/openid-configuration`, '{"userinfo_endpoint": ');
    expect(picker.wants({ url: `${ISSUER}/me`, method: 'GET', type: 'fetch' })).toBeNull();
  });
});

/** A stream filter as Firefox drives it: ondata per chunk, then onstop. */
function fakeFilter() {
  const written: Uint8Array[] = [];
  let closed = false;
  const filter: StreamFilterLike = {
    ondata: null,
    onstop: null,
    onerror: null,
    write: (data) => written.push(new Uint8Array(data)),
    close: () => {
      closed = true;
    },
    disconnect: () => undefined,
  };
  const send = (text: string) => filter.ondata!({ data: new TextEncoder().encode(text).buffer as ArrayBuffer });
  return { filter, send, stop: () => filter.onstop!(), written: () => written.map((c) => new TextDecoder().decode(c)).join(''), closed: () => closed };
}

describe('readBody', () => {
  it('passes every byte on unchanged and hands over the text once the stream stops', () => {
    const f = fakeFilter();
    let got: [string, boolean] | null = null;
    readBody(f.filter, (text, truncated) => (got = [text, truncated]));
    f.send('{"access_token":"a",');
    f.send('"token_type":"Bearer"}');
    expect(got).toBeNull();
    f.stop();
    expect(got).toEqual(['{"access_token":"a","token_type":"Bearer"}', false]);
    expect(f.written()).toBe('{"access_token":"a","token_type":"Bearer"}');
    expect(f.closed()).toBe(true);
  });

  it('keeps at most the bounded text but still forwards everything', () => {
    const f = fakeFilter();
    let got: [string, boolean] | null = null;
    readBody(f.filter, (text, truncated) => (got = [text, truncated]));
    const big = 'x'.repeat(MAX_BODY_CHARS * 4 + 10);
    f.send(big);
    f.send('tail');
    f.stop();
    expect(got![0]).toHaveLength(MAX_BODY_CHARS);
    expect(got![1]).toBe(true);
    expect(f.written()).toBe(`${big}tail`);
  });
});

describe('attachResponseBody with an error-page condition', () => {
  const AUTH = 'http://127.0.0.1:4000/auth?client_id=app&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A3000%2Fcb&state=S';
  const body = { text: '<h1>oops</h1><p>redirect_uri did not match</p>', source: 'filter-response-data' as const };
  const hop = (engine: CaptureEngine) => engine.eventsFor(1).find((e): e is RequestEvent => e.kind === 'request' && e.url === AUTH);

  it('keeps the page of an authorization request the server refused', () => {
    const engine = new CaptureEngine();
    play(engine, { requestId: '7', time: 1_000, url: AUTH }, 400, {});
    expect(engine.attachResponseBody(1, '7', body, errorPageBody(body))).toBe(true);
    expect(hop(engine)?.responseBody?.text).toContain('redirect_uri did not match');
  });

  it('drops the body when the hop was not an error page', () => {
    const engine = new CaptureEngine();
    play(engine, { requestId: '7', time: 1_000, url: AUTH }, 200, {});
    expect(engine.attachResponseBody(1, '7', body, errorPageBody(body))).toBe(false);
    expect(hop(engine)?.responseBody).toBeUndefined();
  });

  // The stream filter and webRequest reach the background on separate channels: a short error
  // page can be read before its hop's status is known (Firefox ESR 153).
  it.each([
    [400, 'kept', 'headers'],
    [200, 'dropped', 'headers'],
    [400, 'kept', 'completion'],
  ] as const)('a body read before the status (%i) is held, then %s when the %s land', (status, outcome, arrival) => {
    const engine = new CaptureEngine();
    const req = { requestId: '7', time: 1_000, url: AUTH };
    engine.beforeRequest(base(req));
    expect(engine.attachResponseBody(1, '7', body, errorPageBody(body))).toBe(true);
    expect(hop(engine)?.responseBody).toBeUndefined();
    if (arrival === 'headers') engine.headersReceived(response(req, status));
    engine.completed(response(req, status));
    expect(hop(engine)?.responseBody?.text).toBe(outcome === 'kept' ? body.text : undefined);
  });

  it("keeps a 200 authorize page only when it names a provider error code (Entra's AADSTS page), never a sign-in page", () => {
    const entra = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb';
    const html = { resHeaders: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }] };
    const aadsts = { text: "<p>AADSTS50011: The redirect URI 'https://app.example/cb' specified in the request does not match</p>", source: 'filter-response-data' as const };
    const signIn = { text: '<h1>Sign in</h1><input name="loginfmt">', source: 'filter-response-data' as const };
    const engine = new CaptureEngine();
    play(engine, { requestId: '8', time: 1_000, url: entra }, 200, html);
    expect(engine.attachResponseBody(1, '8', signIn, errorPageBody(signIn))).toBe(false);
    play(engine, { requestId: '9', time: 2_000, url: entra }, 200, html);
    expect(engine.attachResponseBody(1, '9', aadsts, errorPageBody(aadsts))).toBe(true);
    const kept = engine.eventsFor(1).filter((e): e is RequestEvent => e.kind === 'request' && e.responseBody !== undefined);
    expect(kept.map((e) => [e.requestId, e.responseBody?.text])).toEqual([['9', aadsts.text]]);
  });

  it('drops a held body when the request fails without a status', () => {
    const engine = new CaptureEngine();
    const req = { requestId: '7', time: 1_000, url: AUTH };
    engine.beforeRequest(base(req));
    engine.attachResponseBody(1, '7', body, errorPageBody(body));
    engine.errorOccurred({ ...base(req), error: 'NS_BINDING_ABORTED' });
    expect(hop(engine)?.responseBody).toBeUndefined();
  });
});
