import { describe, expect, it } from 'vitest';
import { CaptureEngine } from '../../lib/capture/capture';
import { DEFAULT_LIMITS, type CaptureLimits } from '../../lib/capture/limits';
import { eventsToAdopt, emptyTabRecord, missingFields } from '../../lib/capture/tab-record';
import { TabStore } from '../../lib/capture/tab-store';
import type { RequestEvent } from '../../lib/model/event';

function hop(requestId: string, hopIndex: number, time: number, tabId = 1, pad = 0): RequestEvent {
  return {
    kind: 'request',
    id: `${requestId}.${hopIndex}`,
    requestId,
    tabId,
    frameId: 0,
    parentFrameId: -1,
    type: 'main_frame',
    method: 'GET',
    url: `https://as.example/auth?client_id=c&response_type=code&pad=${'x'.repeat(pad)}`,
    startTime: time,
  };
}

const limits = (over: Partial<CaptureLimits>): CaptureLimits => ({ ...DEFAULT_LIMITS, ...over });

describe('TabStore bounds', () => {
  it('evicts the oldest whole requests when a tab exceeds its event count, and says so', () => {
    const store = new TabStore(limits({ maxEventsPerTab: 10, evictTo: 0.6 }));
    for (let i = 0; i < 6; i++) {
      store.put(1, hop(`r${i}`, 0, i * 10));
      store.put(1, hop(`r${i}`, 1, i * 10 + 1));
    }
    const ids = store.record(1).events.map((e) => e.id);
    // 12 events > 10 → down to ≤ 6, removing whole requests oldest first.
    expect(ids).toEqual(['r3.0', 'r3.1', 'r4.0', 'r4.1', 'r5.0', 'r5.1']);
    expect(store.record(1).notice).toMatch(/^6 oldest events were dropped because this tab reached its limit/);
    const changes = store.drainChanges().get(1)!;
    expect([...changes.removed].sort()).toEqual(['r0.0', 'r0.1', 'r1.0', 'r1.1', 'r2.0', 'r2.1']);
    expect(changes.upserted.has('r0.0')).toBe(false);
  });

  it('keeps the byte count exact across updates and evicts by bytes', () => {
    const store = new TabStore(limits({ maxBytesPerTab: 5_000 }));
    const e = hop('a', 0, 1, 1, 100);
    store.put(1, e);
    const before = store.bytesOf(1);
    expect(before).toBe(JSON.stringify(e).length);
    e.status = 302;
    store.touch(1, e);
    expect(store.bytesOf(1)).toBe(JSON.stringify(e).length);
    for (let i = 0; i < 10; i++) store.put(1, hop(`b${i}`, 0, 10 + i, 1, 1_000));
    expect(store.bytesOf(1)).toBeLessThanOrEqual(5_000);
    expect(store.bytesOf(1)).toBe(store.record(1).events.reduce((n, ev) => n + JSON.stringify(ev).length, 0));
    expect(store.record(1).events.some((ev) => ev.id === 'a.0')).toBe(false);
  });

  it('under the global cap, evicts closed tabs before open ones', () => {
    const store = new TabStore(limits({ maxBytesTotal: 19_000 }));
    for (let i = 0; i < 4; i++) store.put(1, hop(`open${i}`, 0, i, 1, 2_000));
    for (let i = 0; i < 4; i++) store.put(2, hop(`closed${i}`, 0, 100 + i, 2, 2_000));
    store.record(2).closedAt = 200;
    store.put(1, hop('open-new', 0, 300, 1, 2_000));
    expect(store.bytes).toBeLessThanOrEqual(19_000);
    expect(store.record(1).events.length).toBe(5);
    expect(store.record(2).events.length).toBeLessThan(4);
    expect(store.record(2).notice).toMatch(/all tabs together/);
  });
});

describe('CaptureEngine lifecycle', () => {
  it('drops a closed tab after the grace period unless preserved or a popup of an open tab', () => {
    const engine = new CaptureEngine();
    for (const tabId of [1, 2, 3]) engine.store.put(tabId, hop(`t${tabId}`, 0, 1, tabId));
    engine.setPreserve(2, true);
    engine.createdTarget({ sourceTabId: 4, tabId: 3, url: 'https://as.example/auth', timeStamp: 2 });
    engine.store.put(4, hop('t4', 0, 1, 4));
    for (const tabId of [1, 2, 3]) engine.tabRemoved(tabId, 1_000);
    expect(engine.sweep(1_000 + DEFAULT_LIMITS.closedTabGraceMs - 1)).toEqual([]);
    expect(engine.sweep(1_000 + DEFAULT_LIMITS.closedTabGraceMs)).toEqual([1]);
    expect(engine.store.has(2) && engine.store.has(3)).toBe(true);
    engine.tabRemoved(4, 2_000);
    expect(engine.sweep(2_000 + DEFAULT_LIMITS.closedTabGraceMs).sort()).toEqual([3, 4]);
  });

  it('clears a tab on command and never merges the cleared events back', () => {
    const engine = new CaptureEngine();
    engine.store.put(1, hop('old', 0, 10));
    const stored = structuredClone(engine.store.record(1));
    engine.clear(1, 20);
    expect(engine.eventsFor(1)).toEqual([]);
    expect(eventsToAdopt(engine.store.record(1), stored)).toEqual([]);
  });
});

describe('eventsToAdopt', () => {
  it('adopts events another worker stored and the more complete copy of a shared hop', () => {
    const memory = emptyTabRecord(1);
    const mine = hop('r', 0, 10);
    memory.events.push(mine, hop('q', 0, 11));
    const stored = emptyTabRecord(1);
    const finished = { ...mine, status: 200, endTime: 12 };
    stored.events.push(finished, hop('q', 0, 11), hop('z', 0, 13));
    expect(eventsToAdopt(memory, stored).map((e) => e.id)).toEqual(['r.0', 'z.0']);
    expect(eventsToAdopt(memory, stored)[0]).toEqual(finished);
  });
});

describe('merging a stored copy field by field', () => {
  it('a merge racing an attached body keeps the body and takes the fields memory lacks', () => {
    const engine = new CaptureEngine();
    const mine: RequestEvent = { ...hop('t', 0, 10), method: 'POST', url: 'https://as.example/token', type: 'xmlhttprequest' };
    engine.store.put(1, mine);
    // Storage holds a copy another instance completed; it has more fields but no body.
    const stored = emptyTabRecord(1);
    stored.events.push({ ...structuredClone(mine), status: 200, statusText: 'OK', endTime: 20, responseHeaders: [{ name: 'content-type', value: 'application/json' }] });
    // The body arrives between the read of storage and the merge.
    expect(engine.attachBody({ tabId: 1, url: 'https://as.example/token', method: 'POST', startTime: 10, body: { text: '{"a":1}' } }, 30)).toBe(true);
    engine.adopt(1, eventsToAdopt(engine.store.record(1), stored));
    const merged = engine.store.get(1, 't.0');
    expect(merged).toMatchObject({ status: 200, statusText: 'OK', endTime: 20, responseBody: { text: '{"a":1}', source: 'devtools' } });
    // Merged in place: references held elsewhere (the in-flight request) see the same object.
    expect(merged).toBe(mine);
  });

  it('never replaces a value memory has, and adopts nothing when storage adds no field', () => {
    const memory = emptyTabRecord(1);
    const mine = { ...hop('r', 0, 10), status: 200, endTime: 12, responseBody: { text: 'x', truncated: false, source: 'devtools' as const } };
    memory.events.push(mine);
    const stored = emptyTabRecord(1);
    stored.events.push({ ...hop('r', 0, 10), status: 500, endTime: 99 });
    expect(eventsToAdopt(memory, stored)).toEqual([]);
    stored.events[0] = { ...stored.events[0]!, error: 'net::ERR_ABORTED' } as RequestEvent;
    const store = new TabStore();
    store.load(memory);
    store.merge(1, eventsToAdopt(memory, stored));
    expect(store.get(1, 'r.0')).toMatchObject({ status: 200, endTime: 12, error: 'net::ERR_ABORTED', responseBody: { text: 'x' } });
    expect(missingFields(mine, stored.events[0]!)).toEqual([]);
  });
});
