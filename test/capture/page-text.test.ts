import { describe, expect, it } from 'vitest';
import { CaptureEngine } from '../../lib/capture/capture';
import { errorPageBodyToKeep, keepsPageText, livePageText, mayBeErrorPage, PAGE_TEXT_MAX_CHARS, pageTextHop, wantsPageText } from '../../lib/capture/page-text';
import { ENTRA_50011, entraConfigPage } from '../support/entra-error-page';
import type { RequestEvent } from '../../lib/model/event';
import { header, play, requestHop } from './details';

const AS = 'https://login.example';
const AUTHORIZE = `${AS}/authorize?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=s1`;

function hop(over: Partial<RequestEvent> = {}): RequestEvent {
  return requestHop({
    id: 'r1.0',
    url: AUTHORIZE,
    status: 400,
    responseHeaders: [header('Content-Type', 'text/html; charset=utf-8')],
    startTime: 1_000,
    endTime: 1_010,
    ...over,
  });
}

describe('wantsPageText: only an authorization request\'s own page that ended without a redirect', () => {
  it('wants a refused (HTTP ≥ 400) or 200 HTML authorize page, in a tab or a frame', () => {
    expect(wantsPageText(hop())).toBe(true);
    expect(wantsPageText(hop({ status: 500 }))).toBe(true);
    expect(wantsPageText(hop({ type: 'sub_frame', frameId: 3 }))).toBe(true);
    expect(wantsPageText(hop({ status: 200 }))).toBe(true);
  });

  it('leaves every other page and request alone', () => {
    expect(wantsPageText(hop({ status: 302, redirectUrl: 'https://app.example/cb?code=x&state=s1' }))).toBe(false);
    expect(wantsPageText(hop({ type: 'xmlhttprequest' }))).toBe(false);
    expect(wantsPageText(hop({ method: 'POST' }))).toBe(false);
    expect(wantsPageText(hop({ url: `${AS}/login?next=1` }))).toBe(false);
    expect(wantsPageText(hop({ url: 'https://app.example/cb?code=x&state=s1' }))).toBe(false);
    expect(wantsPageText(hop({ status: 200, responseHeaders: [header('Content-Type', 'application/json')] }))).toBe(false);
    expect(wantsPageText(hop({ status: 204 }))).toBe(false);
    const { status: _none, ...unanswered } = hop();
    expect(wantsPageText(unanswered)).toBe(false);
    expect(wantsPageText(hop({ error: 'net::ERR_ABORTED' }))).toBe(false);
    expect(wantsPageText(hop({ responseBody: { text: '<p>x</p>', truncated: false, source: 'devtools' } }))).toBe(false);
    expect(mayBeErrorPage('https://app.example/')).toBe(false);
  });
});

describe('keepsPageText', () => {
  it('keeps a refusal\'s text, and a 200 page\'s only when it names a provider error code', () => {
    expect(keepsPageText(hop(), 'error: invalid_redirect_uri')).toBe(true);
    const entra = hop({ status: 200, url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code' });
    expect(keepsPageText(entra, "AADSTS50011: The redirect URI 'https://app.example/cb' specified in the request does not match")).toBe(true);
    // A sign-in page is never stored.
    expect(keepsPageText(entra, 'Sign in\nEmail, phone, or Skype\nNext')).toBe(false);
    expect(keepsPageText(hop(), '  \n ')).toBe(false);
  });
});

describe("errorPageBodyToKeep: Firefox's page body, by the page-text rule", () => {
  const entra = hop({ status: 200, url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code' });
  const AADSTS = "AADSTS50011: The redirect URI 'https://app.example/cb' specified in the request does not match";

  it('keeps a refusal (HTTP ≥ 400) whole', () => {
    const html = `<html>${'x'.repeat(20_000)}<p>invalid_redirect_uri</p></html>`;
    expect(errorPageBodyToKeep(hop(), html)).toEqual({ text: html, excerpt: false });
  });

  it("keeps a 200 page that names a provider error code (Entra's AADSTS page), bounded around the code", () => {
    const small = `<html><body><div id="msg">${AADSTS}</div></body></html>`;
    expect(errorPageBodyToKeep(entra, small)).toEqual({ text: small, excerpt: false });
    const big = `<html><script>${'var a=1;'.repeat(5_000)}</script><script>$Config={"strServiceExceptionMessage":"${AADSTS}"}</script>${'<p>footer</p>'.repeat(2_000)}</html>`;
    const kept = errorPageBodyToKeep(entra, big);
    expect(kept?.excerpt).toBe(true);
    expect(kept?.text.length).toBe(PAGE_TEXT_MAX_CHARS);
    expect(kept?.text).toContain(AADSTS);
    // The code only in $Config: kept as the page's text led by the script's error line, as Chromium keeps it.
    expect(kept?.pageText).toBe(true);
    expect(kept?.text.startsWith(AADSTS)).toBe(true);
  });

  it("keeps the hand-built Entra page whose code is only in $Config as page text, the error line first", () => {
    const kept = errorPageBodyToKeep(entra, entraConfigPage({ padding: 2_000 }));
    expect(kept).toMatchObject({ excerpt: true, pageText: true });
    expect(kept?.text.startsWith(ENTRA_50011)).toBe(true);
    expect(kept?.text).not.toContain('<script');
  });

  it('never keeps a sign-in page, a redirect, a failed load or another document', () => {
    expect(errorPageBodyToKeep(entra, '<html><h1>Sign in</h1><input name="loginfmt"><button>Next</button></html>')).toBeNull();
    expect(errorPageBodyToKeep({ ...entra, status: 302, redirectUrl: 'https://app.example/cb?code=x' }, AADSTS)).toBeNull();
    expect(errorPageBodyToKeep({ ...entra, error: 'NS_BINDING_ABORTED' }, AADSTS)).toBeNull();
    expect(errorPageBodyToKeep({ ...entra, url: 'https://login.microsoftonline.com/common/login' }, AADSTS)).toBeNull();
    expect(errorPageBodyToKeep({ ...entra, responseHeaders: [header('Content-Type', 'application/json')] }, AADSTS)).toBeNull();
  });
});

describe('pageTextHop: the stored hop a loaded document is', () => {
  it('is the latest hop of that frame with that URL (fragment ignored), if its text is wanted', () => {
    const events = [hop({ id: 'a.0', status: 302, redirectUrl: 'x' }), hop({ id: 'b.0' }), hop({ id: 'c.0', frameId: 4, type: 'sub_frame' })];
    expect(pageTextHop(events, { tabId: 1, frameId: 0, url: `${AUTHORIZE}#x` })?.id).toBe('b.0');
    expect(pageTextHop(events, { tabId: 1, frameId: 4, url: AUTHORIZE })?.id).toBe('c.0');
    expect(pageTextHop(events, { tabId: 1, frameId: 9, url: AUTHORIZE })).toBeNull();
    expect(pageTextHop([...events, hop({ id: 'd.0', status: 302, redirectUrl: 'y' })], { tabId: 1, frameId: 0, url: AUTHORIZE })).toBeNull();
  });
});

describe('CaptureEngine page text', () => {
  const html = [header('Content-Type', 'text/html')];

  it('keeps the text read from a refused authorize page as its body, marked page-text', () => {
    const engine = new CaptureEngine();
    play(engine, { requestId: '7', url: AUTHORIZE }, 400, { resHeaders: html });
    const target = engine.pageTextTarget({ tabId: 1, frameId: 0, url: AUTHORIZE });
    expect(target).toEqual({ tabId: 1, eventId: '7.0' });
    expect(engine.attachPageText(target!, 'error: invalid_redirect_uri', false)).toBe(true);
    const stored = engine.eventsFor(1)[0];
    expect(stored?.kind === 'request' ? stored.responseBody : null).toEqual({ text: 'error: invalid_redirect_uri', truncated: false, mimeType: 'text/plain', source: 'page-text' });
    // Read once: the hop has its body now.
    expect(engine.pageTextTarget({ tabId: 1, frameId: 0, url: AUTHORIZE })).toBeNull();
  });

  it('never replaces a body DevTools forwarded, and reads nothing in a paused tab', () => {
    const engine = new CaptureEngine();
    play(engine, { requestId: '7', url: AUTHORIZE }, 400, { resHeaders: html });
    const target = engine.pageTextTarget({ tabId: 1, frameId: 0, url: AUTHORIZE })!;
    engine.attachBody({ tabId: 1, url: AUTHORIZE, method: 'GET', body: { text: '<p>refused</p>' } }, 2_000);
    expect(engine.attachPageText(target, 'refused', false)).toBe(false);
    const stored = engine.eventsFor(1)[0];
    expect(stored?.kind === 'request' ? stored.responseBody?.source : null).toBe('devtools');
    engine.setPaused(1, true);
    expect(engine.pageTextTarget({ tabId: 1, frameId: 0, url: AUTHORIZE })).toBeNull();
  });

  it('finds no target for a redirected authorize request (the usual login)', () => {
    const engine = new CaptureEngine();
    play(engine, { requestId: '8', url: AUTHORIZE }, 302, { location: 'https://app.example/cb?code=c&state=s1' });
    expect(engine.pageTextTarget({ tabId: 1, frameId: 0, url: AUTHORIZE })).toBeNull();
  });
});

describe("livePageText: a live page's text and its $Config scripts", () => {
  it('leads with the error of the first script that states one, bounded and marked truncated when cut', () => {
    const scripts = ['$Config={"fShowButtons":true};', `$Config={"iErrorCode":50011,"strServiceExceptionMessage":${JSON.stringify(ENTRA_50011)}};`];
    expect(livePageText({ text: 'Sorry, but we are having trouble signing you in.', truncated: false, scripts })).toEqual({
      text: `${ENTRA_50011}\nSorry, but we are having trouble signing you in.`,
      truncated: false,
    });
    const long = livePageText({ text: 'z'.repeat(PAGE_TEXT_MAX_CHARS), truncated: false, scripts });
    expect(long.text.length).toBe(PAGE_TEXT_MAX_CHARS);
    expect(long.truncated).toBe(true);
    expect(livePageText({ text: 'plain', truncated: false, scripts: [] })).toEqual({ text: 'plain', truncated: false });
  });
});
