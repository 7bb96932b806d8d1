import { describe, expect, it } from 'vitest';
import { CaptureEngine } from '../../lib/capture/capture';
import { DEFAULT_LIMITS, type CaptureLimits } from '../../lib/capture/limits';
import { PendingBodies, type AttachBodyInput } from '../../lib/capture/pending-bodies';
import type { RequestEvent } from '../../lib/model/event';
import { play } from './details';

const AS = 'http://localhost:4000';
const TOKEN = `${AS}/token`;
const form = { grant_type: ['authorization_code'], code: ['K'] };

const tokenBody = (text: string, startTime?: number, tabId = 1): AttachBodyInput => ({
  tabId,
  url: TOKEN,
  method: 'POST',
  ...(startTime === undefined ? {} : { startTime }),
  body: { text, mimeType: 'application/json' },
});

const tokenOf = (engine: CaptureEngine, tabId = 1) =>
  engine.eventsFor(tabId).find((e): e is RequestEvent => e.kind === 'request' && e.url === TOKEN);

const limits = (over: Partial<CaptureLimits>): CaptureLimits => ({ ...DEFAULT_LIMITS, ...over });

describe('a devtools body that arrives before its request', () => {
  it('waits and is attached when the request lands', () => {
    const engine = new CaptureEngine();
    expect(engine.attachBody(tokenBody('{"access_token":"a"}', 1_000), 1_500)).toBe(false);
    expect(engine.pendingBodyCount).toBe(1);
    play(engine, { requestId: '7', url: TOKEN, method: 'POST', type: 'xmlhttprequest', time: 1_001, formData: form });
    expect(tokenOf(engine)?.responseBody).toEqual({ text: '{"access_token":"a"}', mimeType: 'application/json', truncated: false, source: 'devtools' });
    expect(engine.pendingBodyCount).toBe(0);
  });

  it('lands on a popup of the inspected tab, and waits when the request comes back from storage', () => {
    const engine = new CaptureEngine();
    engine.createdTarget({ sourceTabId: 1, tabId: 2, url: `${AS}/auth`, timeStamp: 900 });
    engine.attachBody(tokenBody('{"id_token":"x"}', 1_000), 1_200);
    play(engine, { requestId: '8', url: TOKEN, method: 'POST', type: 'xmlhttprequest', tabId: 2, time: 1_000, formData: form });
    expect(tokenOf(engine, 2)?.responseBody?.text).toBe('{"id_token":"x"}');

    // Another worker instance saw the request; this one learns of it when adopting from storage.
    const other = new CaptureEngine();
    play(other, { requestId: '9', url: TOKEN, method: 'POST', type: 'xmlhttprequest', time: 2_000, formData: form });
    const stored = structuredClone(other.store.record(1));
    const here = new CaptureEngine();
    expect(here.attachBody(tokenBody('{"access_token":"b"}', 2_000), 2_100)).toBe(false);
    here.adopt(1, stored.events);
    expect(tokenOf(here)?.responseBody?.text).toBe('{"access_token":"b"}');
  });

  it('never lands on another request to the same URL far from its start time, nor in another tab', () => {
    const engine = new CaptureEngine();
    engine.attachBody(tokenBody('{"access_token":"late"}', 1_000), 1_100);
    play(engine, { requestId: '10', url: TOKEN, method: 'POST', type: 'xmlhttprequest', time: 1_000 + DEFAULT_LIMITS.bodyMatchWindowMs + 1, formData: form });
    play(engine, { requestId: '11', url: TOKEN, method: 'POST', type: 'xmlhttprequest', tabId: 3, time: 1_000, formData: form });
    expect(tokenOf(engine)?.responseBody).toBeUndefined();
    expect(tokenOf(engine, 3)?.responseBody).toBeUndefined();
    expect(engine.pendingBodyCount).toBe(1);
  });

  it('a body that finds its request at once still goes to the nearest hop without a body', () => {
    const engine = new CaptureEngine();
    play(engine, { requestId: '12', url: TOKEN, method: 'POST', type: 'xmlhttprequest', time: 1_000, formData: form });
    play(engine, { requestId: '13', url: TOKEN, method: 'POST', type: 'xmlhttprequest', time: 3_000, formData: form });
    expect(engine.attachBody(tokenBody('second', 3_001), 3_100)).toBe(true);
    expect(engine.attachBody(tokenBody('first', 1_002), 3_200)).toBe(true);
    const bodies = engine.eventsFor(1).map((e) => (e.kind === 'request' ? e.responseBody?.text : undefined));
    expect(bodies).toEqual(['first', 'second']);
  });
});

describe('PendingBodies bounds', () => {
  const bounds = { maxPendingBodies: 2, maxPendingBodyChars: 10, pendingBodyTtlMs: 1_000, bodyMatchWindowMs: 5_000 };
  const event = (startTime: number): RequestEvent => ({ kind: 'request', id: 'r.0', requestId: 'r', tabId: 1, frameId: 0, parentFrameId: -1, type: 'xmlhttprequest', method: 'POST', url: TOKEN, startTime });
  const self = (tabId: number) => [tabId];

  it('keeps the newest bodies within the count and character bounds', () => {
    const pending = new PendingBodies(bounds);
    pending.add(tokenBody('aaa', 1), 0);
    pending.add(tokenBody('bbb', 2), 0);
    pending.add(tokenBody('ccc', 3), 0);
    expect(pending.size).toBe(2);
    // 'aaa' (the oldest) went; the nearest in time of those left is taken first.
    expect([pending.take(event(1), self)?.body.text, pending.take(event(1), self)?.body.text, pending.take(event(1), self)]).toEqual(['bbb', 'ccc', undefined]);
    pending.add(tokenBody('aaa', 1), 0);
    pending.add(tokenBody('dddddddd', 4), 0);
    expect(pending.size).toBe(1);
    expect(pending.take(event(4), self)?.body.text).toBe('dddddddd');
    pending.add(tokenBody('x'.repeat(11), 5), 0);
    expect(pending.size).toBe(0);
  });

  it('drops bodies that waited past the expiry, also through the engine sweep', () => {
    const pending = new PendingBodies(bounds);
    pending.add(tokenBody('old', 1), 0);
    pending.add(tokenBody('new', 2), 600);
    pending.expire(1_001);
    expect(pending.size).toBe(1);
    expect(pending.take(event(2), self)?.body.text).toBe('new');

    const engine = new CaptureEngine(limits({ pendingBodyTtlMs: 1_000 }));
    engine.attachBody(tokenBody('{}', 1_000), 1_000);
    engine.sweep(1_999);
    expect(engine.pendingBodyCount).toBe(1);
    engine.sweep(2_001);
    expect(engine.pendingBodyCount).toBe(0);
    play(engine, { requestId: '14', url: TOKEN, method: 'POST', type: 'xmlhttprequest', time: 1_000, formData: form });
    expect(tokenOf(engine)?.responseBody).toBeUndefined();
  });
});
