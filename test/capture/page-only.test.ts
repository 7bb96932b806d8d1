import { describe, expect, it } from 'vitest';
import { CaptureEngine } from '../../lib/capture/capture';
import { DEFAULT_LIMITS } from '../../lib/capture/limits';
import { MAX_PAGE_URL, documentStart, mergeQuestions, pageOnlyFrames, pageOnlyHops } from '../../lib/capture/page-only';
import { CLOCK_SLACK_MS, RECOVER_WITHIN_MS, type TimingEntry } from '../../lib/capture/recovery';
import { emptyTabRecord, type TabRecord } from '../../lib/capture/tab-record';
import { sameRequest, unreported, withoutReplacedPageOnly } from '../../lib/flow/page-only';
import type { RequestEvent } from '../../lib/model/event';
import { requestHop } from './details';

// Issue 17 point 6: hops the browser reported nothing of (a worker stopped at the wrong moment),
// taken from the page's Navigation/Resource Timing when the rule of lib/capture/page-only.ts allows.

const APP = 'https://app.example';
const AS = 'https://login.example';
const CALLBACK = `${APP}/cb?code=c1&state=s1`;
const T = 1_800_000_000_000;
const NOW = T + 3_000;

const authorizeHop = requestHop({ id: 'a.0', requestId: 'a', url: `${AS}/authorize?client_id=x&response_type=code&redirect_uri=${encodeURIComponent(`${APP}/cb`)}&state=s1`, startTime: T, status: 302, endTime: T + 20, redirectUrl: `${AS}/login` });

/** Tab 1 after its authorization request: the flow's origins are the app's and the server's. */
function record(events: RequestEvent[] = [authorizeHop], over: Partial<TabRecord> = {}): TabRecord {
  return { ...emptyTabRecord(1), events, flowOrigins: { [APP]: T, [AS]: T }, lastFlowActivity: T, ...over };
}

function nav(over: Partial<TimingEntry> = {}): TimingEntry {
  return { entryType: 'navigation', name: CALLBACK, type: 'navigate', status: 200, startedAt: T + 1_000, answeredAt: T + 1_150, ...over };
}

function fetchEntry(over: Partial<TimingEntry> = {}): TimingEntry {
  return { entryType: 'resource', name: `${AS}/token`, type: 'fetch', status: 200, startedAt: T + 1_500, answeredAt: T + 1_530, ...over };
}

const found = (entries: TimingEntry[], rec: TabRecord = record(), frameId = 0, now = NOW) =>
  pageOnlyHops(rec, { tabId: 1, frameId, entries }, now, DEFAULT_LIMITS).map((h) => `${h.type} ${h.url} ${h.recovered?.from} ${h.recovered?.status}`);

describe('pageOnlyHops: which timing entries become hops seen by the page only', () => {
  it('the callback document and its token and UserInfo fetches, none reported by the browser', () => {
    const hops = pageOnlyHops(record(), { tabId: 1, frameId: 0, entries: [nav(), fetchEntry(), fetchEntry({ name: `${AS}/me`, startedAt: T + 1_600, answeredAt: T + 1_620 })] }, NOW, DEFAULT_LIMITS);
    expect(hops.map((h) => `${h.type} ${h.url} ${h.recovered?.from} ${h.recovered?.status}`)).toEqual([
      `main_frame ${CALLBACK} navigation-timing 200`,
      `xmlhttprequest ${AS}/token resource-timing 200`,
      `xmlhttprequest ${AS}/me resource-timing 200`,
    ]);
    // Only what the page knows: no method, no headers, no bodies, no redirect, no end reported by the browser.
    for (const hop of hops) {
      expect(hop).toMatchObject({ seenByPageOnly: true, method: '', tabId: 1, frameId: 0 });
      for (const key of ['requestHeaders', 'responseHeaders', 'requestBody', 'responseBody', 'redirectUrl', 'status', 'endTime'] as const) expect(hop[key]).toBeUndefined();
    }
    expect(hops[0]!.startTime).toBe(T + 1_000);
    expect(hops[0]!.recovered!.at).toBe(T + 1_150);
  });

  it('a callback document reached through redirects begins when its own fetch did, after the chain, not at the click', () => {
    // The navigation began at the consent click (T + 1 000); the callback's own fetch after the provider's redirects.
    const [hop] = pageOnlyHops(record(), { tabId: 1, frameId: 0, entries: [nav({ fetchedAt: T + 1_120 })] }, NOW, DEFAULT_LIMITS);
    expect(hop!.startTime).toBe(T + 1_120);
    expect(documentStart(nav({ fetchedAt: T + 1_120 }))).toBe(T + 1_120);
    // Read by an older version (no fetchedAt), or a time outside the navigation (hostile): the navigation's start.
    expect(documentStart(nav())).toBe(T + 1_000);
    expect(documentStart(nav({ fetchedAt: T + 900 }))).toBe(T + 1_000);
    expect(documentStart(nav({ fetchedAt: T + 1_200 }))).toBe(T + 1_000);
    // The id stays that of the entry: read before and after, the same hop.
    const [older] = pageOnlyHops(record(), { tabId: 1, frameId: 0, entries: [nav()] }, NOW, DEFAULT_LIMITS);
    expect(hop!.id).toBe(older!.id);
  });

  it('a reported callback hop begun at its own fetch is the callback document the page lists: not added twice', () => {
    const reportedCallback = requestHop({ id: 'c.2', requestId: 'c', url: CALLBACK, startTime: T + 1_125, status: 200 });
    expect(found([nav({ fetchedAt: T + 1_120 })], record([authorizeHop, reportedCallback]))).toEqual([]);
  });

  it('the same entry read twice is one hop (a stable id); different entries get different ids', () => {
    const once = pageOnlyHops(record(), { tabId: 1, frameId: 0, entries: [nav(), fetchEntry()] }, NOW, DEFAULT_LIMITS);
    const again = pageOnlyHops(record(), { tabId: 1, frameId: 0, entries: [nav(), fetchEntry(), fetchEntry()] }, NOW + 1_000, DEFAULT_LIMITS);
    expect(again.map((h) => h.id)).toEqual(once.map((h) => h.id));
    expect(new Set(once.map((h) => h.id)).size).toBe(2);
    expect(new Set(once.map((h) => h.requestId)).size).toBe(2);
  });

  it('a hop the browser did report is not added again: same URL (fragments aside), same moment, each used once', () => {
    const reportedCallback = requestHop({ id: 'c.2', requestId: 'c', url: `${CALLBACK}`, startTime: T + 1_100, status: 200 });
    expect(found([nav({ name: `${CALLBACK}#frag` })], record([authorizeHop, reportedCallback]))).toEqual([]);
    const reportedToken = requestHop({ id: 't.0', requestId: 't', type: 'xmlhttprequest', method: 'POST', url: `${AS}/token`, startTime: T + 1_510 });
    const reported = record([authorizeHop, reportedCallback, reportedToken]);
    expect(found([nav(), fetchEntry()], reported)).toEqual([]);
    // Two token calls, the browser reported one: the other is seen by the page only.
    expect(found([nav(), fetchEntry(), fetchEntry({ startedAt: T + 1_800, answeredAt: T + 1_830 })], reported)).toEqual([`xmlhttprequest ${AS}/token resource-timing 200`]);
  });

  it.each<[string, TimingEntry[], TabRecord?, number?]>([
    ['a document from history (nothing was fetched for it)', [nav({ type: 'back_forward' })]],
    ['a prerendered document', [nav({ type: 'prerender' })]],
    ['a redirect status', [nav({ status: 302 })]],
    ['a status the page does not see (0: opaque)', [nav(), fetchEntry({ status: 0 })].slice(1)],
    ['an impossible status', [nav({ status: 42 })]],
    ['an entry not yet answered', [nav({ answeredAt: 0 })]],
    ['an answer before the start (hostile)', [nav({ answeredAt: T + 900 })]],
    ['a huge URL', [nav({ name: `${CALLBACK}&pad=${'x'.repeat(MAX_PAGE_URL)}` })]],
    ['a non-http URL', [nav({ name: 'blob:https://app.example/1' })]],
    ['another origin, no OAuth shape (the page\'s analytics)', [nav(), fetchEntry({ name: 'https://metrics.example/collect' })].slice(1)],
    ['an image or a script entry', [fetchEntry({ type: 'img' }), fetchEntry({ type: 'script', name: `${AS}/static/app.js` })]],
    ['a fetch without its document (another document, or a hostile list)', [fetchEntry()]],
    ['a document from before the flow began (the page that started the login)', [nav({ name: `${APP}/`, startedAt: T - CLOCK_SLACK_MS - 5_000, answeredAt: T - CLOCK_SLACK_MS - 4_000 })]],
    ['an entry from the future', [nav({ startedAt: NOW + CLOCK_SLACK_MS + 1, answeredAt: NOW + CLOCK_SLACK_MS + 10 })]],
    ['a tab without a flow (no OAuth-shaped hop)', [nav(), fetchEntry()], record([requestHop({ id: 'h.0', url: `${APP}/`, startTime: T })])],
    ['a tab whose flow ended (window over)', [nav(), fetchEntry()], record(undefined, { lastFlowActivity: T - DEFAULT_LIMITS.flowWindowMs - 1 })],
    ['another tab\'s record', [nav()], { ...record(), tabId: 2 }],
  ])('nothing for %s', (_why, entries, rec = record(), now = NOW) => {
    expect(pageOnlyHops(rec, { tabId: 1, frameId: 0, entries }, now, DEFAULT_LIMITS)).toEqual([]);
  });

  it('nothing without a record; a fetch begun before its document belongs to another document', () => {
    expect(pageOnlyHops(undefined, { tabId: 1, frameId: 0, entries: [nav()] }, NOW, DEFAULT_LIMITS)).toEqual([]);
    // The app's next page (a document at a flow origin) is taken, the earlier page's fetch is not.
    expect(found([nav({ startedAt: T + 2_500, answeredAt: T + 2_600, name: `${APP}/home` }), fetchEntry()])).toEqual([`main_frame ${APP}/home navigation-timing 200`]);
  });

  it('an entry older than RECOVER_WITHIN_MS is not taken', () => {
    const late = T + RECOVER_WITHIN_MS + 2_000;
    expect(found([nav()], record(undefined, { lastFlowActivity: late - 1_000 }), 0, late)).toEqual([]);
  });

  it('a document at the redirect_uri with an OAuth shape counts even off the flow origins; a fetch to a flow origin counts without one', () => {
    expect(found([nav({ name: 'https://other.example/cb?code=c&state=s' })])).toEqual(['main_frame https://other.example/cb?code=c&state=s navigation-timing 200']);
    expect(found([nav(), fetchEntry({ name: `${APP}/api/session` })]).at(-1)).toBe(`xmlhttprequest ${APP}/api/session resource-timing 200`);
  });

  it('an iframe document is a sub_frame hop of that frame', () => {
    expect(found([nav()], record(), 4)).toEqual([`sub_frame ${CALLBACK} navigation-timing 200`]);
  });
});

describe('sameRequest / unreported / withoutReplacedPageOnly', () => {
  const page = pageOnlyHops(record(), { tabId: 1, frameId: 0, entries: [nav(), fetchEntry()] }, NOW, DEFAULT_LIMITS);
  const [pageCallback, pageToken] = page as [RequestEvent, RequestEvent];

  it.each<[string, Partial<RequestEvent>, boolean]>([
    ['the document hop inside the navigation', { url: CALLBACK, startTime: T + 1_100 }, true],
    ['its fragment differs', { url: `${CALLBACK}#x`, startTime: T + 1_100 }, true],
    ['at the edge of the slack', { url: CALLBACK, startTime: T + 1_150 + CLOCK_SLACK_MS }, true],
    ['past the slack', { url: CALLBACK, startTime: T + 1_151 + CLOCK_SLACK_MS }, false],
    ['another URL', { url: `${APP}/cb?code=c2&state=s1`, startTime: T + 1_100 }, false],
    ['another frame', { url: CALLBACK, startTime: T + 1_100, frameId: 3 }, false],
    ['another tab', { url: CALLBACK, startTime: T + 1_100, tabId: 2 }, false],
    ['another hop seen by the page only', { url: CALLBACK, startTime: T + 1_100, seenByPageOnly: true }, false],
  ])('%s → %s', (_why, over, same) => {
    expect(sameRequest(pageCallback, requestHop({ id: 'x.0', url: CALLBACK, ...over }))).toBe(same);
  });

  it('the analysis drops a hop seen by the page only once the browser reports it after all', () => {
    const reported = requestHop({ id: 't.0', requestId: 't', type: 'xmlhttprequest', method: 'POST', url: `${AS}/token`, startTime: T + 1_520, status: 200 });
    expect(withoutReplacedPageOnly([authorizeHop, pageCallback, pageToken, reported]).map((e) => e.id)).toEqual(['a.0', pageCallback.id, 't.0']);
    expect(unreported([pageToken], [reported, reported])).toEqual([]);
    expect(withoutReplacedPageOnly([authorizeHop, pageCallback])).toHaveLength(2);
  });
});

describe('which frames are read', () => {
  it('frame 0 and every iframe of a tab with a flow under way, with its flow origins; none without a flow', () => {
    const frame = requestHop({ id: 'f.0', requestId: 'f', type: 'sub_frame', frameId: 6, url: `${AS}/authorize?prompt=none`, startTime: T + 10 });
    expect(pageOnlyFrames(record([authorizeHop, frame]), NOW, DEFAULT_LIMITS)).toEqual([
      { tabId: 1, frameId: 0, urls: [], origins: [APP, AS] },
      { tabId: 1, frameId: 6, urls: [], origins: [APP, AS] },
    ]);
    expect(pageOnlyFrames(record([]), NOW, DEFAULT_LIMITS)).toEqual([]);
    expect(pageOnlyFrames(record(undefined, { lastFlowActivity: 0 }), NOW, DEFAULT_LIMITS)).toEqual([]);
  });

  it('mergeQuestions: one question per frame with both URLs and origins', () => {
    expect(
      mergeQuestions([
        { tabId: 1, frameId: 0, urls: [CALLBACK] },
        { tabId: 1, frameId: 0, urls: [], origins: [APP] },
        { tabId: 1, frameId: 2, urls: [], origins: [AS] },
      ]),
    ).toEqual([
      { tabId: 1, frameId: 0, urls: [CALLBACK], origins: [APP] },
      { tabId: 1, frameId: 2, urls: [], origins: [AS] },
    ]);
  });
});

describe('CaptureEngine.recoverAnswers stores hops seen by the page only', () => {
  it('once, in the tab of the flow; a second read adds nothing', () => {
    const engine = new CaptureEngine();
    engine.restore([record()], NOW);
    expect(engine.recoverAnswers({ tabId: 1, frameId: 0, entries: [nav(), fetchEntry()] }, NOW)).toBe(2);
    expect(engine.recoverAnswers({ tabId: 1, frameId: 0, entries: [nav(), fetchEntry()] }, NOW)).toBe(0);
    const events = engine.store.peek(1)!.events;
    expect(events.filter((e) => e.kind === 'request' && e.seenByPageOnly)).toHaveLength(2);
    expect(engine.framesToAsk(NOW, 1)).toEqual([{ tabId: 1, frameId: 0, urls: [], origins: [APP, AS] }]);
  });
});
