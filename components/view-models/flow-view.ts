import { brokerSummary, type BrokerSummary } from '../../lib/flow/broker-label';
import { stripFragment } from '../../lib/flow/params';
import type { FlowReport, StepReport } from '../../lib/model/analysis';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { SEVERITY_RANK, type Finding, type Severity } from '../../lib/model/finding';

/** View models derived from the analysis report; computed once per data change, not per row. */
export interface FlowRow {
  flow: FlowReport;
  start: number;
  errors: number;
  warnings: number;
  infos: number;
  /** The flow's part in a brokered login ("via Google", "upstream of Auth0"), or null (lib/flow/broker-label.ts). */
  broker: BrokerSummary | null;
}

export interface FlowFilter {
  text: string;
  onlyFailing: boolean;
  clientId: string | null;
}

export const NO_FILTER: FlowFilter = { text: '', onlyFailing: false, clientId: null };

/** Request events by id, as the panel asks for them (the shown flow's steps, a step's details). */
export interface EventLookup {
  get(id: string): RequestEvent | undefined;
}

/**
 * Request events by id, indexed from the newest end only as far as a lookup needs: the flows
 * shown first are the newest, so a first render of a 50k-event capture reads a few events, not
 * all of them. Over all lookups every event is read at most once; with ids used twice, the later
 * event wins (as a Map built front to back would have it).
 */
export function eventLookup(events: readonly CapturedEvent[]): EventLookup {
  const seen = new Map<string, RequestEvent>();
  let next = events.length - 1;
  return {
    get(id) {
      const known = seen.get(id);
      if (known) return known;
      while (next >= 0) {
        const e = events[next--]!;
        if (e.kind !== 'request' || seen.has(e.id)) continue;
        seen.set(e.id, e);
        if (e.id === id) return e;
      }
      return undefined;
    },
  };
}

function countSeverities(row: FlowRow): FlowRow {
  for (const f of row.flow.findings) {
    if (f.severity === 'error') row.errors++;
    else if (f.severity === 'warning') row.warnings++;
    else if (f.severity === 'info') row.infos++;
  }
  return row;
}

/** A failed outcome or an error finding: what the status bar counts and the list marks. */
export function flowFails(flow: FlowReport): boolean {
  if (flow.outcome === 'failed') return true;
  for (const f of flow.findings) if (f.severity === 'error') return true;
  return false;
}

function matchesText(flow: FlowReport, needle: string): boolean {
  const fields = [flow.issuer, flow.clientId, flow.redirectUri, flow.grant, flow.outcome, flow.id];
  for (const f of fields) if (f && f.toLowerCase().includes(needle)) return true;
  for (const f of flow.findings) if (f.check.includes(needle) || f.title.toLowerCase().includes(needle)) return true;
  for (const s of flow.steps) if (s.url.toLowerCase().includes(needle) || s.kind === needle) return true;
  return false;
}

/**
 * The flow list's rows, newest first, filtered. Only an order of flow positions is computed for
 * every flow; a row's view model is built when it is asked for (the rows on screen), once.
 */
export interface FlowRows {
  readonly length: number;
  /** The flow of row `index`, without building its row. */
  flow(index: number): FlowReport;
  at(index: number): FlowRow;
  /** The row showing flow `id`, or -1. */
  indexOf(id: string | null): number;
}

/**
 * Positions of `flows`, newest start first; equal starts keep their order. The analysis lists
 * flows oldest first, so that is one pass backwards; any other order is sorted.
 */
function newestFirst(flows: readonly FlowReport[]): number[] {
  const order: number[] = [];
  let ascending = true;
  for (let i = 1; i < flows.length && ascending; i++) ascending = flows[i - 1]!.startTime <= flows[i]!.startTime;
  if (!ascending) {
    for (let i = 0; i < flows.length; i++) order.push(i);
    return order.sort((a, b) => flows[b]!.startTime - flows[a]!.startTime);
  }
  for (let end = flows.length; end > 0; ) {
    let start = end - 1;
    while (start > 0 && flows[start - 1]!.startTime === flows[end - 1]!.startTime) start--;
    for (let i = start; i < end; i++) order.push(i);
    end = start;
  }
  return order;
}

export function flowRows(flows: readonly FlowReport[], filter: FlowFilter): FlowRows {
  const needle = filter.text.trim().toLowerCase();
  let order = newestFirst(flows);
  if (filter.onlyFailing || filter.clientId !== null || needle) {
    order = order.filter((i) => {
      const flow = flows[i]!;
      if (filter.onlyFailing && !flowFails(flow)) return false;
      if (filter.clientId !== null && flow.clientId !== filter.clientId) return false;
      return !needle || matchesText(flow, needle);
    });
  }
  const built = new Map<number, FlowRow>();
  const flowAt = (index: number): FlowReport => {
    const flow = flows[order[index]!];
    if (!flow) throw new RangeError(`no flow row ${index} of ${order.length}`);
    return flow;
  };
  return {
    length: order.length,
    flow: flowAt,
    at(index) {
      let row = built.get(index);
      if (!row) {
        const flow = flowAt(index);
        row = countSeverities({ flow, start: flow.startTime, errors: 0, warnings: 0, infos: 0, broker: brokerSummary(flow, flows) });
        built.set(index, row);
      }
      return row;
    },
    indexOf(id) {
      if (id === null) return -1;
      for (let i = 0; i < order.length; i++) if (flows[order[i]!]!.id === id) return i;
      return -1;
    },
  };
}

/** How many rows show a failing flow. */
export function failingCount(rows: FlowRows): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (flowFails(rows.flow(i))) n++;
  return n;
}

export function clientIds(flows: readonly FlowReport[]): string[] {
  const set = new Set<string>();
  for (const f of flows) if (f.clientId) set.add(f.clientId);
  return [...set].sort();
}

/** The newest failing flow, else the newest flow (rows are newest first). */
export function defaultFlowId(rows: FlowRows): string | null {
  for (let i = 0; i < rows.length; i++) if (flowFails(rows.flow(i))) return rows.flow(i).id;
  return rows.length ? rows.flow(0).id : null;
}

export interface StepRow {
  step: StepReport;
  index: number;
  offset: number;
  severity: Severity | null;
  findings: number;
  /** The previous step redirected here (same redirect chain); the status of that hop. */
  redirectFrom: number | null;
  event: RequestEvent | null;
}

/** The timeline's rows, each built when it is asked for: only the steps on screen get a view model. */
export interface StepRows {
  readonly length: number;
  at(index: number): StepRow;
}

export function stepRows(flow: FlowReport, events: EventLookup): StepRows {
  const start = flow.startTime;
  const worst = new Map<number, Severity>();
  const counts = new Map<number, number>();
  for (const f of flow.findings) {
    if (f.step === null) continue;
    counts.set(f.step, (counts.get(f.step) ?? 0) + 1);
    const current = worst.get(f.step);
    if (!current || SEVERITY_RANK[f.severity] < SEVERITY_RANK[current]) worst.set(f.step, f.severity);
  }
  const eventOf = (index: number): RequestEvent | null => {
    const id = flow.steps[index]?.eventId;
    return id ? (events.get(id) ?? null) : null;
  };
  return {
    length: flow.steps.length,
    at(index) {
      const step = flow.steps[index]!;
      const event = eventOf(index);
      const previous = index > 0 ? eventOf(index - 1) : null;
      let redirectFrom: number | null = null;
      if (previous && event && previous.redirectUrl !== undefined) {
        const sameChain = previous.requestId === event.requestId;
        if (sameChain || stripFragment(previous.redirectUrl) === stripFragment(event.url)) redirectFrom = previous.status ?? 302;
      }
      return { step, index, offset: step.time - start, severity: worst.get(index) ?? null, findings: counts.get(index) ?? 0, redirectFrom, event };
    },
  };
}

/** Where the flow broke: the step the outcome names, else the first step with an error finding, else the first warning step. */
export function failingStep(flow: FlowReport): number | null {
  if (flow.failedAt !== undefined && flow.failedAt !== null) return flow.failedAt;
  let best: Finding | null = null;
  for (const f of flow.findings) {
    if (f.step === null) continue;
    if (!best || SEVERITY_RANK[f.severity] < SEVERITY_RANK[best.severity] || (f.severity === best.severity && f.step < (best.step ?? 0))) best = f;
  }
  return best && best.severity !== 'info' ? best.step : null;
}
