import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { buildEventIndex, eventIndex } from '../../lib/flow/event-index';
import { originOf } from '../../lib/flow/params';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { hop } from '../support/events';

/** A capture of requests and navigations at few distinct times, so ties are common. */
const captures = fc.array(
  fc.record({ nav: fc.boolean(), time: fc.integer({ min: 0, max: 8 }), tabId: fc.integer({ min: 1, max: 3 }), host: fc.constantFrom('a.example', 'b.example:8443', 'not a host') }),
  { maxLength: 40 },
).map((specs) =>
  specs.map(({ nav, time, tabId, host }, i): CapturedEvent => {
    const url = `https://${host}/p${i}`;
    if (nav) return { kind: 'navigation', id: `n${i}`, event: 'committed', tabId, frameId: 0, parentFrameId: -1, url, time };
    return hop({ url, tabId, time });
  }),
);

describe('eventIndex', () => {
  it('requestsAfter is the same as filtering then sorting by start time (stable on ties)', () => {
    fc.assert(
      fc.property(captures, fc.integer({ min: -1, max: 9 }), (events, from) => {
        const expected = events.filter((e): e is RequestEvent => e.kind === 'request' && e.startTime >= from).sort((a, b) => a.startTime - b.startTime);
        expect(buildEventIndex(events).requestsAfter(from)).toEqual(expected);
        expect(buildEventIndex(events).requestsAfter(from).every((r, i) => r === expected[i])).toBe(true);
      }),
    );
  });

  it('eventsOfTab keeps capture order; origin matches originOf', () => {
    fc.assert(
      fc.property(captures, (events) => {
        const index = buildEventIndex(events);
        for (const tabId of [1, 2, 3, 4]) expect(index.eventsOfTab(tabId)).toEqual(events.filter((e) => e.tabId === tabId));
        for (const e of events) expect(index.origin(e.url)).toBe(originOf(e.url));
        expect(index.requests).toEqual(events.filter((e) => e.kind === 'request'));
      }),
    );
  });

  it('memo builds once per key and per analysis', async () => {
    const events = [hop({ url: 'https://a.example/x' })];
    const first = (await analyzeEvents(events, {}, [])).context;
    const second = (await analyzeEvents(events, {}, [])).context;
    let builds = 0;
    const build = () => ++builds;
    expect(eventIndex(first)).toBe(eventIndex(first));
    expect(eventIndex(first).memo('k', build)).toBe(1);
    expect(eventIndex(first).memo('k', build)).toBe(1);
    expect(eventIndex(second).memo('k', build)).toBe(2);
    expect(eventIndex(first).memo('other', build)).toBe(3);
  });
});
