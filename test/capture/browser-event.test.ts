import { describe, expect, it } from 'vitest';
import { applyBrowserEvent, InboxEntrySchema, inboxEvents, storableEvent, type BrowserEvent } from '../../lib/capture/browser-event';
import { CaptureEngine } from '../../lib/capture/capture';
import type { RequestEvent } from '../../lib/model/event';
import { base, redirect, response } from './details';

const AS = 'http://localhost:4000';
/** What storage.session does to a value: a JSON-like copy (an ArrayBuffer would come back as {}). */
const throughStorage = (events: BrowserEvent[]) => inboxEvents(InboxEntrySchema.parse(JSON.parse(JSON.stringify({ at: 1, events: events.map(storableEvent) }))));

describe('browser events kept in the inbox', () => {
  it('a token request with a raw JSON body and a form body come back from storage as the listener saw them', () => {
    const json = { requestId: '1', url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', raw: '{"grant_type":"authorization_code","code":"K1"}' };
    const form = { requestId: '2', url: `${AS}/token`, method: 'POST', type: 'xmlhttprequest', time: 2_000, formData: { grant_type: ['authorization_code'], code: ['K2'] } };
    const events: BrowserEvent[] = [
      { on: 'before-request', d: base(json) },
      { on: 'completed', d: response(json, 200) },
      { on: 'before-request', d: base(form) },
      { on: 'completed', d: response(form, 400) },
    ];
    const bodies = (list: BrowserEvent[]) => {
      const engine = new CaptureEngine();
      for (const e of list) applyBrowserEvent(engine, e, () => true);
      return engine.eventsFor(1).map((e) => [(e as RequestEvent).status, (e as RequestEvent).requestBody]);
    };
    expect(bodies(throughStorage(events))).toEqual(bodies(events));
    expect(bodies(events)[0]).toEqual([200, { kind: 'text', text: '{"grant_type":"authorization_code","code":"K1"}', truncated: false }]);
  });

  it('refuses an entry whose events lack what capture relies on', () => {
    expect(InboxEntrySchema.safeParse({ at: 1, events: [{ on: 'completed', d: { url: AS } }] }).success).toBe(false);
    expect(InboxEntrySchema.safeParse({ at: 1, events: [{ on: 'no-such-event', d: {} }] }).success).toBe(false);
  });

  it('navigation events of sites outside site access are dropped when applied', () => {
    const engine = new CaptureEngine();
    const nav = (url: string): BrowserEvent => ({ on: 'committed', d: { tabId: 1, frameId: 0, url, timeStamp: 1, transitionType: 'link' } });
    applyBrowserEvent(engine, nav(`${AS}/auth?client_id=a&response_type=code`), (url) => !url.startsWith(AS));
    expect(engine.eventsFor(1)).toEqual([]);
    applyBrowserEvent(engine, nav(`${AS}/auth?client_id=a&response_type=code`), () => true);
    expect(engine.eventsFor(1)).toHaveLength(1);
  });

  it('an event delivered twice (Chromium re-delivers what a stopped worker ran; the inbox replays it too) is one hop, its answer kept', () => {
    const post = { requestId: '7', url: `${AS}/auth?client_id=a&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&state=s`, time: 1_000 };
    const next = { requestId: '7', url: `${AS}/interaction/x`, time: 1_010 };
    const done = { requestId: '8', url: `${AS}/.well-known/openid-configuration`, type: 'xmlhttprequest', time: 900 };
    const engine = new CaptureEngine();
    const events: BrowserEvent[] = [
      { on: 'before-request', d: base(done) },
      { on: 'completed', d: response(done, 200) },
      { on: 'before-request', d: base(post) },
      { on: 'headers-received', d: response(post, 303, [{ name: 'Location', value: next.url }]) },
      { on: 'before-request', d: base(post) },
      { on: 'before-redirect', d: redirect(post, 303, next.url) },
      { on: 'before-request', d: base(next) },
      { on: 'before-request', d: base(post) },
      { on: 'before-request', d: base(done) },
    ];
    for (const e of events) applyBrowserEvent(engine, e, () => true);
    expect(engine.eventsFor(1).map((e) => [e.id, (e as RequestEvent).status])).toEqual([['8.0', 200], ['7.0', 303], ['7.1', undefined]]);
  });
});
