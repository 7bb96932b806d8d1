import { describe, expect, it } from 'vitest';
import { harToEvents, parseHar } from '../../lib/trace/har-import';
import { entry, har } from '../support/har';

const URL_A = 'https://idp.example.com/authorize?client_id=a&response_type=code&state=s1';

/** A status-0 entry with no response headers: what an aborted or provisional record looks like. */
function noResponse(time: string, url = URL_A) {
  const e = entry({ url, status: 0, time });
  return { ...e, response: { ...e.response, headers: [], redirectURL: '' } };
}

describe('recorder quirks in HAR import (issue 17 point 3)', () => {
  it.each([
    ['just before the real entry', '2026-11-23T10:00:00.000Z', 1],
    ['just after the real entry', '2026-11-23T10:00:00.200Z', 1],
    ['minutes away (another request)', '2026-11-23T10:05:00.000Z', 2],
  ])('a no-response twin %s: kept only when it can be another request', (_label, time, count) => {
    const events = harToEvents(parseHar(har([noResponse(time), entry({ url: URL_A, location: '/u/login', time: '2026-11-23T10:00:00.100Z' })])));
    expect(events.filter((e) => e.url === URL_A)).toHaveLength(count);
  });

  it('a no-response entry of another URL or method is kept, and reads as failed', () => {
    const events = harToEvents(parseHar(har([noResponse('2026-11-23T10:00:00.000Z', `${URL_A}x`), entry({ url: URL_A, method: 'POST', time: '2026-11-23T10:00:00.100Z' })])));
    expect(events.map((e) => e.error ?? null)).toEqual(['no response (blocked, cancelled or failed)', null]);
  });

  it('a status-0 hop that kept its Location is a redirect, not a failure', () => {
    const events = harToEvents(
      parseHar(har([entry({ url: URL_A, status: 0, location: '/u/login', time: '2026-11-23T10:00:00.000Z' }), entry({ url: 'https://idp.example.com/u/login', time: '2026-11-23T10:00:00.100Z' })])),
    );
    expect(events[0]!.redirectUrl).toBe('https://idp.example.com/u/login');
    expect(events[0]!.error).toBeUndefined();
    expect(events[1]!.requestId).toBe(events[0]!.requestId);
  });

  it('reads null where recorders write null for absent fields (Fiddler\'s "pages": null)', () => {
    const doc = har([entry({ url: URL_A, time: '2026-11-23T10:00:00.000Z' })]);
    const nulled = { log: { ...doc.log, pages: null, entries: [{ ...doc.log.entries[0]!, pageref: null, time: null }] } };
    expect(harToEvents(parseHar(nulled))).toHaveLength(1);
  });

  it.each([
    ['WebKit Web Inspector', 'safari'],
    ['  webkit web inspector ', 'safari'],
    ['Firefox', undefined],
    ['WebInspector', undefined],
  ])('creator "%s": redirect chains folded by %s', (name, folded) => {
    const doc = har([entry({ url: URL_A, time: '2026-11-23T10:00:00.000Z' })]);
    const events = harToEvents(parseHar({ log: { ...doc.log, creator: { name, version: '1' } } }));
    expect(events[0]!.redirectsFoldedBy).toBe(folded);
  });

  it('a creator without a usable name is read as unknown, never a reason to refuse the HAR', () => {
    const doc = har([entry({ url: URL_A, time: '2026-11-23T10:00:00.000Z' })]);
    for (const creator of [null, 'WebKit Web Inspector', { name: 7 }, {}]) {
      const events = harToEvents(parseHar({ log: { ...doc.log, creator } }));
      expect(events[0]!.redirectsFoldedBy).toBeUndefined();
    }
  });
});
