import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticPanelData } from '../../bench/panel-render';
import { defaultFlowId, eventLookup, failingCount, flowRows, NO_FILTER, stepRows, type FlowFilter } from '../../components/view-models/flow-view';
import type { FlowReport } from '../../lib/model/analysis';
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

describe('flowRows', () => {
  const base = syntheticPanelData(60, 10).analysis.flows;
  // Flows with starts drawn from a few values (ties), outcomes and error findings mixed, in any order.
  const flowLists = fc.array(fc.record({ from: fc.nat(base.length - 1), start: fc.nat(4), failed: fc.boolean(), error: fc.boolean() }), { maxLength: 25 }).map((specs) =>
    specs.map(({ from, start, failed, error }, i): FlowReport => {
      const flow = base[from]!;
      return { ...flow, id: `x${i}`, startTime: start, outcome: failed ? 'failed' : 'success', findings: error ? (flow.findings.length ? flow.findings : [{ ...base[0]!.findings[0]! }]) : [] };
    }),
  );
  const filters = fc.record({ text: fc.constantFrom('', 'idp3', 'callback', 'x1', 'zzz'), onlyFailing: fc.boolean(), clientId: fc.constantFrom(null, 'c1', 'c5') });
  /** What the list showed when every row was built up front: filtered, then a stable sort newest first. */
  const eager = (flows: readonly FlowReport[], filter: FlowFilter): FlowReport[] => {
    const needle = filter.text.toLowerCase();
    const fails = (f: FlowReport) => f.outcome === 'failed' || f.findings.some((x) => x.severity === 'error');
    const text = (f: FlowReport) =>
      [f.issuer, f.clientId, f.redirectUri, f.grant, f.outcome, f.id].some((v) => v?.toLowerCase().includes(needle)) ||
      f.findings.some((x) => x.check.includes(needle) || x.title.toLowerCase().includes(needle)) ||
      f.steps.some((s) => s.url.toLowerCase().includes(needle) || s.kind === needle);
    return flows
      .filter((f) => (!filter.onlyFailing || fails(f)) && (filter.clientId === null || f.clientId === filter.clientId) && (!needle || text(f)))
      .sort((a, b) => b.startTime - a.startTime);
  };

  it('lists the flows a full sort and filter would, in the same order, for flows in any order', () => {
    fc.assert(
      fc.property(flowLists, filters, fc.boolean(), (flows, filter, ascending) => {
        const input = ascending ? [...flows].sort((a, b) => a.startTime - b.startTime) : flows;
        const rows = flowRows(input, filter);
        const expected = eager(input, filter);
        expect(Array.from({ length: rows.length }, (_, i) => rows.flow(i).id)).toEqual(expected.map((f) => f.id));
        expect(failingCount(rows)).toBe(expected.filter((f) => f.outcome === 'failed' || f.findings.some((x) => x.severity === 'error')).length);
        const firstFailing = expected.find((f) => f.outcome === 'failed' || f.findings.some((x) => x.severity === 'error'));
        expect(defaultFlowId(rows)).toBe((firstFailing ?? expected[0])?.id ?? null);
        for (const [i, f] of expected.entries()) expect(rows.indexOf(f.id)).toBe(i);
        expect(rows.indexOf('nope')).toBe(-1);
      }),
    );
  });

  it('builds a row when it is asked for, once, with its finding counts', () => {
    const flows = syntheticPanelData(50_000, 10).analysis.flows;
    const rows = flowRows(flows, NO_FILTER);
    expect(rows.length).toBe(5000);
    const newest = rows.at(0);
    expect(newest.flow).toBe(flows[4999]);
    expect(rows.at(0)).toBe(newest);
    // Synthetic flow f4998 (4998 % 3 === 0) failed with one error finding.
    expect(rows.at(1)).toMatchObject({ flow: flows[4998], errors: 1, warnings: 0, infos: 0 });
    expect(() => rows.at(5000)).toThrow(RangeError);
  });
});
