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

export function isFailing(row: FlowRow): boolean {
  return row.flow.outcome === 'failed' || row.errors > 0;
}

function matchesText(flow: FlowReport, needle: string): boolean {
  const fields = [flow.issuer, flow.clientId, flow.redirectUri, flow.grant, flow.outcome, flow.id];
  for (const f of fields) if (f && f.toLowerCase().includes(needle)) return true;
  for (const f of flow.findings) if (f.check.includes(needle) || f.title.toLowerCase().includes(needle)) return true;
  for (const s of flow.steps) if (s.url.toLowerCase().includes(needle) || s.kind === needle) return true;
  return false;
}

/** Rows for the flow list, newest first, filtered. */
export function flowRows(flows: readonly FlowReport[], filter: FlowFilter): FlowRow[] {
  const needle = filter.text.trim().toLowerCase();
  const rows: FlowRow[] = [];
  for (const flow of flows) {
    const row = countSeverities({ flow, start: flow.startTime, errors: 0, warnings: 0, infos: 0 });
    if (filter.onlyFailing && !isFailing(row)) continue;
    if (filter.clientId !== null && flow.clientId !== filter.clientId) continue;
    if (needle && !matchesText(flow, needle)) continue;
    rows.push(row);
  }
  return rows.sort((a, b) => b.start - a.start);
}

export function clientIds(flows: readonly FlowReport[]): string[] {
  const set = new Set<string>();
  for (const f of flows) if (f.clientId) set.add(f.clientId);
  return [...set].sort();
}

/** The newest failing flow, else the newest flow (rows are newest first). */
export function defaultFlowId(rows: readonly FlowRow[]): string | null {
  return (rows.find(isFailing) ?? rows[0])?.flow.id ?? null;
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
