import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamFilterLike } from '../../entrypoints/background/firefox-bodies';
import { registerListeners } from '../../entrypoints/background/listeners';
import { BackgroundService } from '../../entrypoints/background/service';
import { tabKey } from '../../lib/capture/tab-record';
import { BackgroundMessageSchema, PANEL_PORT_NAME, RuntimeResponseSchema } from '../../lib/model/messages';
import { base, header, redirect, response, sendHeaders, type Req } from '../capture/details';
import { makeFakeApi, makePort } from './fake-api';

const RP = 'http://127.0.0.1:3000';
const AS = 'http://localhost:4000';
const authorize = (state: string) =>
  `${AS}/auth?client_id=app&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${RP}/cb`)}&state=${state}&nonce=n&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`;

type Fake = ReturnType<typeof makeFakeApi>;

/** Fire one request through the fake webRequest events, as Chrome would. */
function fire(fake: Fake, r: Req, status: number, location?: string, reqHeaders = [header('Cookie', 'tx=1')]): void {
  const wr = fake.webRequest;
  wr.onBeforeRequest.fire({ ...base(r) });
  wr.onBeforeSendHeaders.fire({ ...sendHeaders(r, reqHeaders) });
  wr.onHeadersReceived.fire({ ...response(r, status, location ? [header('Location', location)] : []) });
  if (location) wr.onBeforeRedirect.fire({ ...redirect(r, status, location) });
  else wr.onCompleted.fire({ ...response(r, status) });
}

/** An authorization-code login whose callback returns another state than was sent (state-mismatch). */
function mismatchedLogin(fake: Fake, requestId = '100', t = Date.now()): void {
  const cb = `${RP}/cb?code=K1&state=OTHER&iss=${encodeURIComponent(AS)}`;
  fire(fake, { requestId, url: `${RP}/login`, time: t }, 302, authorize('S1'));
  fire(fake, { requestId, url: authorize('S1'), time: t + 10 }, 303, cb);
  fire(fake, { requestId, url: cb, time: t + 20 }, 200);
}

const running: BackgroundService[] = [];

function start(fake: Fake, chromeLike = true) {
  const service = new BackgroundService(fake.api, { flushDelayMs: 5 });
  running.push(service);
  registerListeners(fake.browserApi, service, { firefox: !chromeLike });
  return service;
}

beforeEach(() => fakeBrowser.reset());
// Services of one test must not write into the next test's storage.session.
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.flush()));
  fakeBrowser.reset();
});

describe('listeners', () => {
  it('asks for extraHeaders in Chrome and leaves it out for Firefox', () => {
    const chrome = makeFakeApi(true);
    start(chrome);
    expect(chrome.webRequest.onBeforeSendHeaders.registrations[0]!.extra[1]).toEqual(['requestHeaders', 'extraHeaders']);
    expect(chrome.webRequest.onHeadersReceived.registrations[0]!.extra[1]).toEqual(['responseHeaders', 'extraHeaders']);
    expect(chrome.webRequest.onBeforeRequest.registrations[0]!.extra[1]).toEqual(['requestBody']);
    const firefox = makeFakeApi(false);
    start(firefox, false);
    expect(firefox.webRequest.onBeforeSendHeaders.registrations[0]!.extra[1]).toEqual(['requestHeaders']);
  });
});

describe('runtime messages', () => {
  it('answers analysis for a tab with the CLI --json document', async () => {
    const fake = makeFakeApi();
    const service = start(fake);
    mismatchedLogin(fake);
    await service.flush();
    const answer = RuntimeResponseSchema.parse(await fakeBrowser.runtime.sendMessage({ type: 'analysis', tabId: 1 }));
    expect(answer.ok && 'analysis' in answer).toBe(true);
    if (!answer.ok || !('analysis' in answer)) return;
    expect(answer.analysis.flows).toHaveLength(1);
    expect(answer.analysis.flows[0]!.findings.map((f) => f.check)).toContain('state-mismatch');
  });

  it('rejects malformed messages with ok:false', async () => {
    const fake = makeFakeApi();
    start(fake);
    for (const bad of [{ type: 'nope' }, { type: 'analysis', tabId: 'one' }, { type: 'export-trace', redact: 'no' }, null, 'analysis']) {
      const answer = RuntimeResponseSchema.parse(await fakeBrowser.runtime.sendMessage(bad));
      expect(answer).toMatchObject({ ok: false });
      expect(answer.ok === false && answer.error).toMatch(/malformed message/);
    }
  });

  it('exports a trace redacted by default and raw on request', async () => {
    const fake = makeFakeApi();
    start(fake);
    mismatchedLogin(fake);
    const raw = RuntimeResponseSchema.parse(await fakeBrowser.runtime.sendMessage({ type: 'export-trace', tabId: 1, redact: false }));
    const redacted = RuntimeResponseSchema.parse(await fakeBrowser.runtime.sendMessage({ type: 'export-trace', tabId: 1 }));
    if (!raw.ok || !('trace' in raw) || !redacted.ok || !('trace' in redacted)) throw new Error('expected traces');
    expect(raw.trace.events.length).toBe(3);
    expect(JSON.stringify(raw.trace)).toContain('code=K1');
    expect(redacted.trace.redaction.redacted).toBe(true);
    expect(JSON.stringify(redacted.trace)).not.toContain('code=K1');
  });
});

describe('persistence', () => {
  it('restores the capture after a restart and finishes hops that were in flight', async () => {
    const fake = makeFakeApi();
    const first = start(fake);
    mismatchedLogin(fake);
    const open = { requestId: '200', url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', time: Date.now() + 100, formData: { grant_type: ['authorization_code'], code: ['K1'] } };
    fake.webRequest.onBeforeRequest.fire({ ...base(open) });
    await first.flush();
    const stored = await fakeBrowser.storage.session.get(tabKey(1));
    expect((stored[tabKey(1)] as { events: unknown[] }).events).toHaveLength(4);

    // The worker stops; a new one starts with the same storage.session and fresh listeners.
    const again = makeFakeApi();
    const second = start(again);
    // This event arrives before restore has finished: it must wait, not be lost or reordered.
    again.webRequest.onCompleted.fire({ ...response(open, 200) });
    await second.ready;
    const events = await second.events(1);
    expect(events.map((e) => e.id)).toEqual(['100.0', '100.1', '100.2', '200.0']);
    expect(events[3]).toMatchObject({ status: 200 });
  });

  it('journals each event in the task its listener ran in: a worker stopped before any compaction loses nothing', async () => {
    const fake = makeFakeApi();
    // Compaction far away: only the journal can have saved what follows.
    const first = new BackgroundService(fake.api, { flushDelayMs: 60_000 });
    running.push(first);
    registerListeners(fake.browserApi, first, { firefox: false });
    await first.ready;
    mismatchedLogin(fake);
    // The journal write was issued synchronously inside the listener's task; let the fake storage settle.
    await new Promise((r) => setTimeout(r, 0));
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).some((k) => k.startsWith('tab:'))).toBe(false);
    expect(Object.keys(stored).filter((k) => k.startsWith('log:')).length).toBeGreaterThan(0);

    const again = makeFakeApi();
    const second = start(again);
    await second.ready;
    expect((await second.events(1)).map((e) => [e.id, e.kind === 'request' ? e.status : null])).toEqual([['100.0', 302], ['100.1', 303], ['100.2', 200]]);
    // Compaction writes the record, and the next one removes the entries the record holds.
    await second.flush();
    const after = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(after).filter((k) => k.startsWith('log:'))).toEqual([]);
    expect((after[tabKey(1)] as { events: unknown[] }).events).toHaveLength(3);
  });

  /** A login seen by an instance whose restore never finishes: it is stopped before it can apply anything. */
  const loginBeforeRestore = async () => {
    const fake = makeFakeApi();
    registerListeners(fake.browserApi, new BackgroundService(fake.api, { flushDelayMs: 5, after: new Promise(() => undefined) }), { firefox: false });
    mismatchedLogin(fake);
    await new Promise((r) => setTimeout(r, 0));
  };

  it('keeps the events a worker receives before its restore: stopped in that window, the next instance replays them once', async () => {
    await loginBeforeRestore();
    const kept = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(kept.filter((k) => k.startsWith('in:')).length).toBeGreaterThan(0);
    expect(kept.some((k) => k.startsWith('log:') || k.startsWith('tab:'))).toBe(false);

    const again = makeFakeApi();
    const second = start(again);
    await second.ready;
    const statuses = async (s: BackgroundService) => (await s.events(1)).map((e) => [e.id, e.kind === 'request' ? e.status : null]);
    expect(await statuses(second)).toEqual([['100.0', 302], ['100.1', 303], ['100.2', 200]]);
    // The journal write that holds what the inbox produced consumes it: nothing replays twice.
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('in:') || k.startsWith('used:'))).toEqual([]);
    const third = start(makeFakeApi());
    await third.ready;
    expect(await statuses(third)).toEqual([['100.0', 302], ['100.1', 303], ['100.2', 200]]);
  });

  it('an inbox entry named consumed by a journal write is not replayed, even when its removal never ran', async () => {
    await loginBeforeRestore();
    const inbox = await fakeBrowser.storage.session.get(null);
    // The next instance restores and journals; the state right after its journal write, before the removal.
    const second = start(makeFakeApi());
    await second.ready;
    await new Promise((r) => setTimeout(r, 0));
    const journal = await fakeBrowser.storage.session.get(null);
    await fakeBrowser.storage.session.set({ ...inbox, ...journal, 'used:x:1': { keys: Object.keys(inbox) } });
    const third = start(makeFakeApi());
    await third.ready;
    expect((await third.events(1)).map((e) => e.id)).toEqual(['100.0', '100.1', '100.2']);
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('in:') || k.startsWith('used:'))).toEqual([]);
  });

  it('Firefox: the last events and a body read by filterResponseData are journaled at once, before the delayed flush Firefox kills at shutdown', async () => {
    const fake = makeFakeApi(false);
    // Firefox's stream filter, driven by the test: the body arrives when the test says so.
    const filters = new Map<string, StreamFilterLike>();
    const webRequest = fake.webRequest as unknown as { filterResponseData: (id: string) => StreamFilterLike };
    webRequest.filterResponseData = (id) => {
      const filter: StreamFilterLike = { ondata: null, onstop: null, onerror: null, write: () => undefined, close: () => undefined, disconnect: () => undefined };
      filters.set(id, filter);
      return filter;
    };
    // Compaction far away: at shutdown Firefox ends the delayed flush ("Script terminated by timeout").
    const first = new BackgroundService(fake.api, { flushDelayMs: 60_000 });
    running.push(first);
    registerListeners(fake.browserApi, first, { firefox: true });
    await first.ready;
    mismatchedLogin(fake);
    const token = { requestId: '300', url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', time: Date.now() + 50, formData: { grant_type: ['authorization_code'], code: ['K1'] } };
    fire(fake, token, 200);
    const filter = filters.get('300')!;
    filter.ondata!({ data: new TextEncoder().encode('{"access_token":"at","token_type":"Bearer"}').buffer as ArrayBuffer });
    filter.onstop!();
    await new Promise((r) => setTimeout(r, 0));
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).some((k) => k.startsWith('tab:'))).toBe(false);

    // The background page is gone; the next one restores everything from the journal alone.
    const again = makeFakeApi(false);
    const second = start(again, false);
    await second.ready;
    const events = await second.events(1);
    expect(events.map((e) => e.id)).toEqual(['100.0', '100.1', '100.2', '300.0']);
    expect(events[3]).toMatchObject({ status: 200, responseBody: { text: '{"access_token":"at","token_type":"Bearer"}', source: 'filter-response-data' } });
  });

  it('adopts events another worker instance wrote instead of overwriting them', async () => {
    const a = makeFakeApi();
    const first = start(a);
    const b = makeFakeApi();
    const second = start(b);
    await Promise.all([first.ready, second.ready]);
    fire(a, { requestId: '1', url: authorize('A'), time: Date.now() }, 200);
    await first.flush();
    fire(b, { requestId: '2', url: authorize('B'), time: Date.now() + 1 }, 200);
    await second.flush();
    const stored = await fakeBrowser.storage.session.get(tabKey(1));
    expect((stored[tabKey(1)] as { events: Array<{ id: string }> }).events.map((e) => e.id)).toEqual(['1.0', '2.0']);
  });
});

describe('response bodies from the devtools page', () => {
  const token = { requestId: '200', url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', formData: { grant_type: ['authorization_code'], code: ['K1'] } };
  const attach = (tabId: number, startTime: number) =>
    ({ type: 'panel/attach-body', tabId, url: `${AS}/token`, method: 'POST', startTime, body: { text: '{"access_token":"at"}', mimeType: 'application/json' } }) as const;
  type Stored = { events: Array<{ id: string; status?: number; responseBody?: { text: string } }> };

  it('keeps a body that arrives before its request and attaches it when the request lands', async () => {
    const fake = makeFakeApi();
    const service = start(fake);
    const panel = makePort(PANEL_PORT_NAME);
    fake.onConnect.fire(panel.port);
    const time = Date.now();
    panel.send(attach(1, time));
    await service.ready;
    await new Promise((r) => setTimeout(r, 0));
    fire(fake, { ...token, time }, 200);
    await service.flush();
    const [event] = await service.events(1);
    expect(event).toMatchObject({ id: '200.0', status: 200, responseBody: { text: '{"access_token":"at"}', source: 'devtools' } });
    const stored = (await fakeBrowser.storage.session.get(tabKey(1)))[tabKey(1)] as Stored;
    expect(stored.events[0]?.responseBody?.text).toBe('{"access_token":"at"}');
  });

  it('a merge with a copy another worker stored keeps the body attached meanwhile, and the fields it adds', async () => {
    const time = Date.now();
    const a = makeFakeApi();
    const first = start(a);
    a.webRequest.onBeforeRequest.fire({ ...base({ ...token, time }) });
    await first.flush();
    // A second instance restores the in-flight hop and sees it complete (status, end time).
    const b = makeFakeApi();
    const second = start(b);
    await second.ready;
    b.webRequest.onCompleted.fire({ ...response({ ...token, time }, 200) });
    await second.flush();
    // Meanwhile the first instance gets the body; its copy lacks the completion, storage's lacks the body.
    const panel = makePort(PANEL_PORT_NAME);
    a.onConnect.fire(panel.port);
    panel.send(attach(1, time));
    await new Promise((r) => setTimeout(r, 0));
    await first.flush();
    const [mine] = await first.events(1);
    expect(mine).toMatchObject({ status: 200, responseBody: { text: '{"access_token":"at"}' } });
    const stored = (await fakeBrowser.storage.session.get(tabKey(1)))[tabKey(1)] as Stored;
    expect(stored.events[0]).toMatchObject({ status: 200, responseBody: { text: '{"access_token":"at"}' } });
  });
});

describe('panel ports and badge', () => {
  it('sends a snapshot, then increments; obeys clear and pause; drops malformed messages', async () => {
    const fake = makeFakeApi();
    const service = start(fake);
    const panel = makePort(PANEL_PORT_NAME);
    fake.onConnect.fire(panel.port);
    panel.send({ type: 'panel/subscribe', tabId: 1 });
    await service.ready;
    await new Promise((r) => setTimeout(r, 20));
    const snapshot = BackgroundMessageSchema.parse(panel.received[0]);
    expect(snapshot).toMatchObject({ type: 'flows/snapshot', tabId: 1, events: [], paused: false });

    mismatchedLogin(fake);
    await service.flush();
    const update = BackgroundMessageSchema.parse(panel.received.at(-1));
    expect(update.type).toBe('flows/updated');
    if (update.type !== 'flows/updated') return;
    expect(update.upserted.map((e) => e.id)).toEqual(['100.0', '100.1', '100.2']);
    expect(update.analysis.flows).toHaveLength(1);

    panel.send({ type: 'panel/clear', tabId: '1' }); // malformed: ignored
    panel.send({ type: 'panel/pause', tabId: 1 });
    await new Promise((r) => setTimeout(r, 20));
    await service.flush();
    mismatchedLogin(fake, '300');
    await service.flush();
    expect(await service.events(1)).toHaveLength(3);
    expect(BackgroundMessageSchema.parse(panel.received.at(-1))).toMatchObject({ paused: true });

    panel.send({ type: 'panel/clear', tabId: 1 });
    await new Promise((r) => setTimeout(r, 20));
    await service.flush();
    expect(BackgroundMessageSchema.parse(panel.received.at(-1))).toMatchObject({ type: 'flows/snapshot', events: [] });
  });

  it('shows the number of failing flows on the badge in red', async () => {
    const fake = makeFakeApi();
    const service = start(fake);
    mismatchedLogin(fake);
    await service.flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('1');
    // The panel's error red, `--err` of components/palette.css (#b3261e).
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([0xb3, 0x26, 0x1e, 255]);
  });
});

describe('analysis cache', () => {
  it('answers again with the same analysis while nothing changed, and a new one after any change', async () => {
    const fake = makeFakeApi(true);
    const service = start(fake);
    await service.ready;
    mismatchedLogin(fake, '100');
    await service.flush();
    const first = await service.analysis(1);
    expect(first.flows).toHaveLength(1);
    expect(await service.analysis(1)).toBe(first);
    // A second login: the next answer includes it.
    mismatchedLogin(fake, '200', Date.now() + 60_000);
    const second = await service.analysis(1);
    expect(second).not.toBe(first);
    expect(second.flows).toHaveLength(2);
    // A flush (persistence, panel increments) changes nothing captured: the analysis stays.
    await service.flush();
    expect(await service.analysis(1)).toBe(second);
    // Nor does an event that changes no tab (e.g. a navigation outside site access, dropped unread).
    service.ingest(() => undefined);
    expect(await service.analysis(1)).toBe(second);
    // Pausing changes a flag of the tab: a new analysis (the revision counts every change).
    service.ingest((e) => e.setPaused(1, true));
    const paused = await service.analysis(1);
    expect(paused).not.toBe(second);
    expect(paused.flows).toHaveLength(2);
    // Clearing the tab (an ingest like any other).
    service.ingest((e) => e.clear(1, Date.now()));
    expect((await service.analysis(1)).flows).toHaveLength(0);
  });
});
