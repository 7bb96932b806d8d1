import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticPanelData } from '../../bench/panel-render';
import { eventLookup, stepRows } from '../../components/view-models/flow-view';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { hop } from '../support/events';

// Issue 16 "the panel stays flat": view models are built for what is on screen, on demand.

const captures = fc
  .array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), nav: fc.boolean(), n: fc.nat(99) }), { maxLength: 30 })
  .map((specs) =>
    specs.map(({ id, nav, n }): CapturedEvent =>
      nav ? { kind: 'navigation', id, event: 'committed', tabId: 1, frameId: 0, parentFrameId: -1, url: `https://a.example/${n}`, time: n } : { ...hop({ url: `https://a.example/${n}`, time: n }), id },
    ),
  );

describe('eventLookup', () => {
  it('answers as a Map of request events built front to back (later ids win), whatever the order of lookups', () => {
    fc.assert(
      fc.property(captures, fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz'), { maxLength: 12 }), (events, asked) => {
        const expected = new Map<string, RequestEvent>();
        for (const e of events) if (e.kind === 'request') expected.set(e.id, e);
        const lookup = eventLookup(events);
        for (const id of asked) expect(lookup.get(id)).toBe(expected.get(id));
      }),
    );
  });

  it('reads only as far back as the asked event', () => {
    const events: CapturedEvent[] = Array.from({ length: 1000 }, (_, i) => ({ ...hop({ url: `https://a.example/${i}`, time: i }), id: `e${i}` }));
    let reads = 0;
    const counted = new Proxy(events, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const lookup = eventLookup(counted);
    expect(lookup.get('e995')?.url).toBe('https://a.example/995');
    expect(reads).toBe(5);
    expect(lookup.get('e998')?.url).toBe('https://a.example/998');
    expect(reads).toBe(5);
  });
});

describe('stepRows', () => {
  it('builds a row only when it is asked for, and each row is the same as asked in order', () => {
    const data = syntheticPanelData(40, 40);
    const flow = data.analysis.flows[0]!;
    const rows = stepRows(flow, eventLookup(data.events));
    expect(rows.length).toBe(40);
    const row = rows.at(4);
    expect(row.step).toBe(flow.steps[4]);
    expect(row.event?.id).toBe(flow.steps[4]!.eventId);
    expect(row.offset).toBe(flow.steps[4]!.time - flow.startTime);
    // The synthetic flow's state-mismatch finding is on step 4.
    expect(row.severity).toBe('error');
    expect(row.findings).toBe(1);
    expect(rows.at(3).severity).toBeNull();
  });

  it('marks a hop reached by the previous hop redirect', () => {
    const first = { ...hop({ url: 'https://app.example/login', time: 1, status: 302 }), id: 'x1', requestId: 'r1', redirectUrl: 'https://idp.example/authorize#f' };
    const second = { ...hop({ url: 'https://idp.example/authorize', time: 2 }), id: 'x2', requestId: 'r1' };
    const step = (eventId: string, time: number) => ({ kind: 'app' as const, method: 'GET', url: 'https://x', status: 200, time, observed: true, tabId: 1, frameId: 0, context: 'top' as const, eventId });
    const flow = { ...syntheticPanelData(1, 1).analysis.flows[0]!, startTime: 1, findings: [], steps: [step('x1', 1), step('x2', 2)] };
    const rows = stepRows(flow, eventLookup([first, second]));
    expect(rows.at(0).redirectFrom).toBeNull();
    expect(rows.at(1).redirectFrom).toBe(302);
  });
});
