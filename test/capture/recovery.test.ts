import { describe, expect, it } from 'vitest';
import { CaptureEngine } from '../../lib/capture/capture';
import { CLOCK_SLACK_MS, RECOVER_WITHIN_MS, framesToAsk, hopsAwaitingAnswer, recoveredAnswers, type TimingEntry } from '../../lib/capture/recovery';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { base, requestHop } from './details';

const APP = 'https://app.example';
const AS = 'https://login.example';
const CALLBACK = `${APP}/cb?code=c1&state=s1`;
const T = 1_800_000_000_000;

function hop(over: Partial<RequestEvent> = {}): RequestEvent {
  return requestHop({ id: 'r1.2', url: CALLBACK, startTime: T + 100, ...over });
}

/** The consent POST's chain: POST → 303 → /auth/x → 303 → the callback, whose answer was lost. */
function chain(last: Partial<RequestEvent> = {}): RequestEvent[] {
  return [
    hop({ id: 'r1.0', method: 'POST', url: `${AS}/interaction/x`, startTime: T, status: 303, endTime: T + 30, redirectUrl: `${AS}/auth/x` }),
    hop({ id: 'r1.1', url: `${AS}/auth/x`, startTime: T + 40, status: 303, endTime: T + 90, redirectUrl: CALLBACK }),
    hop(last),
  ];
}

function nav(over: Partial<TimingEntry> = {}): TimingEntry {
  return { entryType: 'navigation', name: CALLBACK, type: 'navigate', status: 200, startedAt: T - 20, answeredAt: T + 150, ...over };
}

function fetchEntry(over: Partial<TimingEntry> = {}): TimingEntry {
  return { entryType: 'resource', name: `${AS}/token`, type: 'fetch', status: 200, startedAt: T + 500, answeredAt: T + 530, ...over };
}

const NOW = T + 2_000;
const answersFor = (events: CapturedEvent[], entries: TimingEntry[], frame = { tabId: 1, frameId: 0 }, now = NOW) =>
  recoveredAnswers(events, { ...frame, entries }, now).map(({ hop: h, answer }) => `${h.id} ${answer.from} ${answer.status}`);

describe('hopsAwaitingAnswer: a hop that began and never got an answer', () => {
  it('is the last hop of its request, a document or a fetch, not answered in any way, recent', () => {
    expect(hopsAwaitingAnswer(chain(), NOW).map((h) => h.id)).toEqual(['r1.2']);
    expect(hopsAwaitingAnswer([hop({ type: 'xmlhttprequest', url: `${AS}/token` })], NOW)).toHaveLength(1);
    expect(hopsAwaitingAnswer([hop({ type: 'sub_frame', frameId: 4 })], NOW)).toHaveLength(1);
  });

  it.each<[string, Partial<RequestEvent>]>([
    ['its status arrived', { status: 200 }],
    ['it ended', { endTime: T + 200 }],
    ['it failed', { error: 'net::ERR_ABORTED' }],
    ['it redirected (the next hop never began)', { redirectUrl: `${APP}/next` }],
    ['it was recovered already', { recovered: { from: 'navigation-timing', status: 200, at: T + 150 } }],
    ['an image is never asked about', { type: 'image' }],
    ['a script is never asked about', { type: 'script' }],
    ['too old', { startTime: NOW - RECOVER_WITHIN_MS - 1 }],
  ])('not when %s', (_why, over) => {
    expect(hopsAwaitingAnswer([hop(over)], NOW)).toEqual([]);
  });

  it('an earlier hop of a chain without its answer is not asked about: the next hop answers it (lib/flow/recovered.ts)', () => {
    const [post, auth, callback] = chain({ status: 200, endTime: T + 160 });
    const { status: _s, endTime: _e, redirectUrl: _r, ...lost } = auth!;
    expect(hopsAwaitingAnswer([post!, lost, callback!], NOW)).toEqual([]);
  });

  it('framesToAsk: each frame once, with the URLs (fragments aside) to report on', () => {
    const events = [
      hop({ id: 'a.0', requestId: 'a', url: `${CALLBACK}#frag` }),
      hop({ id: 'b.0', requestId: 'b', type: 'xmlhttprequest', url: `${AS}/token`, startTime: T + 500 }),
      hop({ id: 'c.0', requestId: 'c', type: 'xmlhttprequest', url: `${AS}/token`, startTime: T + 600 }),
      hop({ id: 'd.0', requestId: 'd', type: 'sub_frame', frameId: 7, url: `${AS}/authorize?prompt=none` }),
      hop({ id: 'e.0', requestId: 'e', tabId: 2, status: 200 }),
    ];
    expect(framesToAsk(events, NOW)).toEqual([
      { tabId: 1, frameId: 0, urls: [CALLBACK, `${AS}/token`] },
      { tabId: 1, frameId: 7, urls: [`${AS}/authorize?prompt=none`] },
    ]);
  });
});

describe('recoveredAnswers: which timing entry answers which hop', () => {
  it("the callback document's Navigation Timing answers the callback hop, with its status", () => {
    expect(answersFor(chain(), [nav()])).toEqual(['r1.2 navigation-timing 200']);
    expect(answersFor(chain(), [nav({ status: 400 })])).toEqual(['r1.2 navigation-timing 400']);
    const [answer] = recoveredAnswers(chain(), { tabId: 1, frameId: 0, entries: [nav()] }, NOW);
    expect(answer!.answer).toEqual({ from: 'navigation-timing', status: 200, at: T + 150 });
  });

  it('fragments aside: the document URL has the fragment the request never sent, or the other way round', () => {
    expect(answersFor(chain(), [nav({ name: `${CALLBACK}#id_token=x` })])).toEqual(['r1.2 navigation-timing 200']);
    expect(answersFor(chain({ url: `${CALLBACK}#x` }), [nav()])).toEqual(['r1.2 navigation-timing 200']);
  });

  it('a fetch hop is answered by its Resource Timing entry; the nearest in time of the same URL, each entry once', () => {
    const token = (id: string, start: number, over: Partial<RequestEvent> = {}) =>
      hop({ id: `${id}.0`, requestId: id, type: 'xmlhttprequest', method: 'POST', url: `${AS}/token`, startTime: start, ...over });
    expect(answersFor([token('t', T + 505)], [fetchEntry()])).toEqual(['t.0 resource-timing 200']);
    // Two calls to one URL: the first answered by webRequest, the second lost. Its entry is the later one.
    const first = token('t1', T + 505, { status: 400, endTime: T + 520 });
    const second = token('t2', T + 800);
    expect(answersFor([first, second], [fetchEntry({ status: 400 }), fetchEntry({ startedAt: T + 790, answeredAt: T + 820 })])).toEqual(['t2.0 resource-timing 200']);
    // Only the first call's entry is there (the second has not finished): nothing for the second.
    expect(answersFor([first, second], [fetchEntry({ status: 400, startedAt: T + 500 })])).toEqual([]);
    // XMLHttpRequest too.
    expect(answersFor([token('t', T + 505)], [fetchEntry({ type: 'xmlhttprequest' })])).toEqual(['t.0 resource-timing 200']);
  });

  it.each<[string, RequestEvent[], TimingEntry[], { tabId: number; frameId: number }?]>([
    ['another URL (the frame moved on)', chain(), [nav({ name: `${APP}/home` })]],
    ['the same path with another query (another callback)', chain(), [nav({ name: `${APP}/cb?code=c2&state=s1` })]],
    ['another frame of the tab', chain(), [nav()], { tabId: 1, frameId: 3 }],
    ['another tab', chain(), [nav()], { tabId: 2, frameId: 0 }],
    ['a document from history (back/forward: nothing was fetched for it)', chain(), [nav({ type: 'back_forward' })]],
    ['a prerendered document', chain(), [nav({ type: 'prerender' })]],
    ['a status the page does not see (0)', chain(), [nav({ status: 0 })]],
    ['a redirect status (never a document\'s)', chain(), [nav({ status: 302 })]],
    ['an impossible status', chain(), [nav({ status: 42 })]],
    ['a document whose response came before the hop began (an older load of the same URL)', chain(), [nav({ startedAt: T - 60_000, answeredAt: T - 59_000 })]],
    ['a document whose navigation began after the hop (a reload whose request was lost)', chain(), [nav({ startedAt: T + 100 + CLOCK_SLACK_MS + 1_000, answeredAt: T + 100 + CLOCK_SLACK_MS + 1_100 })]],
    ['a document with no response time', chain(), [nav({ answeredAt: 0 })]],
    ['a fetch entry for a document hop', chain(), [fetchEntry({ name: CALLBACK, startedAt: T + 100, answeredAt: T + 150 })]],
    ['a navigation entry for a fetch hop', [hop({ type: 'xmlhttprequest', url: `${AS}/token` })], [nav({ name: `${AS}/token` })]],
    ['a fetch entry of another URL', [hop({ type: 'xmlhttprequest', url: `${AS}/token`, startTime: T + 505 })], [fetchEntry({ name: `${AS}/token?x=1` })]],
    ['a fetch entry far from the hop in time', [hop({ type: 'xmlhttprequest', url: `${AS}/token`, startTime: T + 505 + CLOCK_SLACK_MS + 100 })], [fetchEntry()]],
    ['an image entry of the same URL', [hop({ type: 'xmlhttprequest', url: `${AS}/token`, startTime: T + 505 })], [fetchEntry({ type: 'img' })]],
    ['a fetch entry without a status (opaque)', [hop({ type: 'xmlhttprequest', url: `${AS}/token`, startTime: T + 505 })], [fetchEntry({ status: 0 })]],
  ])('nothing for %s', (_why, events, entries, frame) => {
    expect(answersFor(events, entries, frame)).toEqual([]);
  });

  it('a later document hop to the same URL in that frame takes the document: the earlier one is not answered by it', () => {
    const earlier = hop({ id: 'a.0', requestId: 'a', startTime: T + 100 });
    const later = hop({ id: 'b.0', requestId: 'b', startTime: T + 300 });
    expect(answersFor([earlier, later], [nav({ startedAt: T + 90, answeredAt: T + 400 })])).toEqual(['b.0 navigation-timing 200']);
    // The later one was answered by webRequest: the document is its, the earlier stays unanswered.
    expect(answersFor([earlier, { ...later, status: 200, endTime: T + 410 }], [nav({ startedAt: T + 90, answeredAt: T + 400 })])).toEqual([]);
  });
});

describe('CaptureEngine.recoverAnswers', () => {
  it('keeps the answer apart on the hop; a webRequest answer arriving afterwards is applied as usual', () => {
    const engine = new CaptureEngine();
    const callback = { requestId: 'r9', url: CALLBACK, time: T + 100 };
    engine.beforeRequest(base({ requestId: 'r8', url: `${AS}/authorize?client_id=app&response_type=code&redirect_uri=${encodeURIComponent(`${APP}/cb`)}`, time: T }));
    engine.beforeRequest(base(callback));
    engine.store.drainJournal();
    expect(engine.framesToAsk(NOW)).toEqual([
      // The flow's origins too: the page also reports its document and fetches there (page-only.ts).
      { tabId: 1, frameId: 0, urls: [`${AS}/authorize?client_id=app&response_type=code&redirect_uri=${encodeURIComponent(`${APP}/cb`)}`, CALLBACK], origins: [AS, APP] },
    ]);
    expect(engine.recoverAnswers({ tabId: 1, frameId: 0, entries: [nav({ startedAt: T + 90 })] }, NOW)).toBe(1);
    const stored = engine.store.get(1, 'r9.0') as RequestEvent;
    expect(stored.status).toBeUndefined();
    expect(stored.recovered).toEqual({ from: 'navigation-timing', status: 200, at: T + 150 });
    // Journaled like any change: a stop right after loses nothing.
    expect([...engine.store.drainJournal().get(1)!.map((e) => e.id)]).toEqual(['r9.0']);
    // Asked again: nothing more to do for that hop.
    expect(engine.recoverAnswers({ tabId: 1, frameId: 0, entries: [nav({ startedAt: T + 90 })] }, NOW)).toBe(0);
    engine.completed({ ...base(callback), statusCode: 200, timeStamp: T + 160 });
    expect(engine.store.get(1, 'r9.0')).toMatchObject({ status: 200, endTime: T + 160 });
  });

  it('a paused tab is left alone', () => {
    const engine = new CaptureEngine();
    engine.beforeRequest(base({ requestId: 'r9', url: CALLBACK, time: T + 100, formData: undefined }));
    engine.setPaused(1, true);
    expect(engine.framesToAsk(NOW)).toEqual([]);
    expect(engine.recoverAnswers({ tabId: 1, frameId: 0, entries: [nav()] }, NOW)).toBe(0);
  });
});
