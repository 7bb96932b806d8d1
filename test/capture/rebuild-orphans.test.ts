import { describe, expect, it } from 'vitest';
import { CaptureEngine } from '../../lib/capture/capture';
import type { RequestEvent } from '../../lib/model/event';
import { base, header, play, redirect, response, sendHeaders, type Req } from './details';

// Issue 17 point 6, as Chromium 156 did it in the worker-stop e2e: the onBeforeRequest events
// queued for an instance stopped while it started were never run by any instance; the next
// instance got every later event of the same hops (request headers, answers, redirects).

const AS = 'http://127.0.0.1:4000';
const APP = 'http://127.0.0.1:3000';
const CALLBACK = `${APP}/spa/cb?code=c1&state=s1`;

/** The consent POST's chain, later events only: POST → 303 → /auth/x → 303 → the callback (200). */
function laterEventsOnly(engine: CaptureEngine, t = 1_000): void {
  const post: Req = { requestId: '9', url: `${AS}/interaction/x`, method: 'POST', time: t };
  const auth: Req = { requestId: '9', url: `${AS}/auth/x`, time: t + 40 };
  const callback: Req = { requestId: '9', url: CALLBACK, time: t + 80 };
  for (const [r, location] of [[post, auth.url], [auth, CALLBACK]] as const) {
    engine.sendHeaders(sendHeaders(r, [header('Cookie', 'sid=1')]));
    engine.headersReceived(response(r, 303, [header('Location', location)]));
    engine.beforeRedirect({ ...redirect(r, 303, location), timeStamp: (r.time ?? 0) + 10 });
  }
  engine.sendHeaders(sendHeaders(callback, []));
  engine.headersReceived(response(callback, 200));
  engine.completed({ ...response(callback, 200), timeStamp: t + 95 });
}

const hops = (engine: CaptureEngine) => (engine.store.peek(1)?.events ?? []).filter((e): e is RequestEvent => e.kind === 'request');

describe('rebuildOrphans: hops whose start was lost, rebuilt from their later events', () => {
  it('rebuilds the whole chain with its answers, marked startLost, without a request body', () => {
    const engine = new CaptureEngine();
    laterEventsOnly(engine);
    expect(hops(engine)).toEqual([]);
    expect(engine.waiting).toBe(9);
    expect(engine.rebuildOrphans(Infinity)).toBe(3);
    expect(engine.waiting).toBe(0);
    expect(hops(engine).map((h) => [h.id, h.method, h.url, h.status, h.redirectUrl, h.startLost, h.requestBody])).toEqual([
      ['9.0', 'POST', `${AS}/interaction/x`, 303, `${AS}/auth/x`, true, undefined],
      ['9.1', 'GET', `${AS}/auth/x`, 303, CALLBACK, true, undefined],
      ['9.2', 'GET', CALLBACK, 200, undefined, true, undefined],
    ]);
    expect(hops(engine)[0]!.requestHeaders).toEqual([header('Cookie', 'sid=1')]);
    // Journaled like any captured change.
    expect(engine.store.drainJournal().get(1)!.map((e) => e.id).sort()).toEqual(['9.0', '9.1', '9.2']);
  });

  it('waits while the events are younger than the bound: an out-of-order start may still come, and then it is a normal hop', () => {
    const engine = new CaptureEngine();
    laterEventsOnly(engine);
    expect(engine.rebuildOrphans(1_000)).toBe(0);
    expect(engine.waiting).toBe(9);
    // The starts arrive after all (out of order, early-events.ts): nothing is rebuilt, nothing doubled.
    engine.beforeRequest(base({ requestId: '9', url: `${AS}/interaction/x`, method: 'POST', time: 1_000, formData: { consent: ['yes'] } }));
    engine.beforeRequest(base({ requestId: '9', url: `${AS}/auth/x`, time: 1_040 }));
    engine.beforeRequest(base({ requestId: '9', url: CALLBACK, time: 1_080 }));
    expect(engine.rebuildOrphans(Infinity)).toBe(0);
    expect(hops(engine).map((h) => [h.id, h.status, h.startLost])).toEqual([
      ['9.0', 303, undefined],
      ['9.1', 303, undefined],
      ['9.2', 200, undefined],
    ]);
  });

  it('a start that comes after the hop was rebuilt is the same hop, not a second one', () => {
    const engine = new CaptureEngine();
    laterEventsOnly(engine);
    engine.rebuildOrphans(Infinity);
    engine.beforeRequest(base({ requestId: '9', url: CALLBACK, time: 1_080 }));
    expect(hops(engine).filter((h) => h.url === CALLBACK)).toHaveLength(1);
  });

  it('later events of a hop already stored (delivered again to a new instance) rebuild nothing', () => {
    const engine = new CaptureEngine();
    const callback: Req = { requestId: '5', url: CALLBACK, time: 2_000 };
    play(engine, callback, 200);
    const restarted = new CaptureEngine();
    restarted.restore([structuredClone(engine.store.peek(1)!)], 2_000 + 10 * 60_000);
    restarted.headersReceived(response(callback, 200));
    restarted.completed(response(callback, 200));
    expect(restarted.rebuildOrphans(Infinity)).toBe(0);
    expect(hops(restarted)).toHaveLength(1);
  });

  it('keeps only what a live start would have kept: an ordinary page answer is dropped', () => {
    const engine = new CaptureEngine();
    const page: Req = { requestId: '3', url: `${APP}/about`, time: 1_000 };
    engine.sendHeaders(sendHeaders(page, []));
    engine.headersReceived(response(page, 200));
    engine.completed(response(page, 200));
    expect(engine.rebuildOrphans(Infinity)).toBe(0);
    expect(engine.waiting).toBe(0);
    expect(hops(engine)).toEqual([]);
  });
});
