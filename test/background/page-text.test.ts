import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPageText, type ScriptingLike } from '../../entrypoints/background/page-text';
import { registerListeners } from '../../entrypoints/background/listeners';
import { BackgroundService } from '../../entrypoints/background/service';
import { PAGE_TEXT_MAX_CHARS } from '../../lib/capture/page-text';
import { base, header, redirect, response, sendHeaders, type Req } from '../capture/details';
import { makeFakeApi } from './fake-api';

const AS = 'http://localhost:4000';
const AUTHORIZE = `${AS}/auth?client_id=app&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:3000/cb/typo')}&state=s1`;
type Fake = ReturnType<typeof makeFakeApi>;

/** chrome.scripting as the background calls it: records each injection, answers with `answer`. */
function fakeScripting(answer: (target: { tabId: number; frameIds?: number[]; documentIds?: string[] }) => unknown) {
  const calls: Array<{ tabId: number; frameIds?: number[]; documentIds?: string[] }> = [];
  const scripting: ScriptingLike = {
    async executeScript(injection) {
      calls.push(injection.target);
      const result = answer(injection.target);
      if (result instanceof Error) throw result;
      return [{ result }];
    },
  };
  return { scripting, calls };
}

function fire(fake: Fake, r: Req, status: number, location?: string): void {
  const wr = fake.webRequest;
  wr.onBeforeRequest.fire({ ...base(r) });
  wr.onBeforeSendHeaders.fire({ ...sendHeaders(r, []) });
  const headers = location ? [header('Location', location)] : [header('Content-Type', 'text/html')];
  wr.onHeadersReceived.fire({ ...response(r, status, headers) });
  if (location) wr.onBeforeRedirect.fire({ ...redirect(r, status, location) });
  else wr.onCompleted.fire({ ...response(r, status, headers) });
}

const running: BackgroundService[] = [];
function start(fake: Fake, scripting: ScriptingLike, firefox = false) {
  const service = new BackgroundService(fake.api, { flushDelayMs: 5 });
  running.push(service);
  Object.assign(fake.api, { scripting });
  registerListeners(fake.browserApi, service, { firefox });
  return service;
}

const bodyOf = async (service: BackgroundService) => {
  const hop = (await service.events(1)).find((e) => e.kind === 'request' && e.url === AUTHORIZE);
  return hop?.kind === 'request' ? hop.responseBody : undefined;
};

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.flush()));
  fakeBrowser.reset();
});

describe('page text in Chromium without DevTools', () => {
  it('reads the refused authorization page (that document only) and keeps its text as the hop body', async () => {
    const fake = makeFakeApi();
    const { scripting, calls } = fakeScripting(() => ({ text: 'error: invalid_redirect_uri', truncated: false }));
    const service = start(fake, scripting);
    await service.ready;
    fire(fake, { requestId: '1', url: AUTHORIZE }, 400);
    expect(await readPageText(service, scripting, { tabId: 1, frameId: 0, url: AUTHORIZE, documentId: 'DOC1' })).toBe(true);
    expect(calls).toEqual([{ tabId: 1, documentIds: ['DOC1'] }]);
    expect(await bodyOf(service)).toEqual({ text: 'error: invalid_redirect_uri', truncated: false, mimeType: 'text/plain', source: 'page-text' });
  });

  it('is what the DOMContentLoaded listener does, registered in Chrome only', async () => {
    const chrome = makeFakeApi();
    const read = fakeScripting(() => ({ text: 'refused', truncated: false }));
    const service = start(chrome, read.scripting);
    await service.ready;
    fire(chrome, { requestId: '1', url: AUTHORIZE }, 400);
    await fakeBrowser.webNavigation.onDOMContentLoaded.trigger({ tabId: 1, frameId: 0, url: AUTHORIZE } as never);
    await service.flush();
    await expect.poll(() => bodyOf(service)).toMatchObject({ text: 'refused', source: 'page-text' });
    expect(read.calls).toEqual([{ tabId: 1, frameIds: [0] }]);
  });

  it('never injects into Firefox pages (its background reads the HTTP body) nor into other pages', async () => {
    const firefox = makeFakeApi(false);
    const { scripting, calls } = fakeScripting(() => ({ text: 'x', truncated: false }));
    const service = start(firefox, scripting, true);
    await service.ready;
    fire(firefox, { requestId: '1', url: AUTHORIZE }, 400);
    await fakeBrowser.webNavigation.onDOMContentLoaded.trigger({ tabId: 1, frameId: 0, url: AUTHORIZE } as never);
    // In Chrome: a page that is no authorization request, and an authorization request that redirected.
    const chrome = makeFakeApi();
    const other = start(chrome, scripting);
    await other.ready;
    fire(chrome, { requestId: '2', url: AUTHORIZE, tabId: 2 }, 302, 'http://127.0.0.1:3000/cb?code=c&state=s1');
    expect(await readPageText(other, scripting, { tabId: 2, frameId: 0, url: AUTHORIZE })).toBe(false);
    expect(await readPageText(other, scripting, { tabId: 2, frameId: 0, url: 'http://127.0.0.1:3000/account' })).toBe(false);
    expect(calls).toEqual([]);
  });

  it('keeps nothing when the page cannot be read or answers something else than text', async () => {
    const fake = makeFakeApi();
    let answer: unknown = new Error('Cannot access contents of the page');
    const { scripting, calls } = fakeScripting(() => answer);
    const service = start(fake, scripting);
    await service.ready;
    fire(fake, { requestId: '1', url: AUTHORIZE }, 400);
    const doc = { tabId: 1, frameId: 0, url: AUTHORIZE };
    expect(await readPageText(service, scripting, doc)).toBe(false);
    answer = { text: 42 };
    expect(await readPageText(service, scripting, doc)).toBe(false);
    expect(calls).toHaveLength(2);
    expect(await bodyOf(service)).toBeUndefined();
    // An oversized answer is cut to the bound and marked truncated.
    answer = { text: 'y'.repeat(PAGE_TEXT_MAX_CHARS + 10), truncated: false };
    expect(await readPageText(service, scripting, doc)).toBe(true);
    expect(await bodyOf(service)).toMatchObject({ text: 'y'.repeat(PAGE_TEXT_MAX_CHARS), truncated: true });
  });
});
