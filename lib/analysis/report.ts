import type { AnalysisReport, FlowReport } from '../model/analysis';
import { SEVERITY_RANK, type Finding } from '../model/finding';
import type { JudgedFlow } from '../model/flow';

/** Whole milliseconds since the epoch, as a Date holds them (0 for a time no Date can hold). */
function epochMs(ms: number): number {
  const t = new Date(ms).getTime();
  return Number.isNaN(t) ? 0 : t;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.step ?? -1) - (b.step ?? -1) || a.check.localeCompare(b.check),
  );
}

export function toFlowReport(flow: JudgedFlow): FlowReport {
  return {
    id: flow.id,
    grant: flow.grant,
    clientId: flow.clientId,
    issuer: flow.issuer,
    redirectUri: flow.redirectUri,
    outcome: flow.outcome,
    failedAt: flow.failedAt,
    startTime: epochMs(flow.startTime),
    steps: flow.steps.map((s) => ({
      kind: s.kind,
      method: s.method,
      url: s.url,
      status: s.status,
      time: epochMs(s.time),
      observed: s.observed,
      tabId: s.tabId,
      frameId: s.frameId,
      context: s.context,
      eventId: s.event?.id ?? null,
      ...(s.note ? { note: s.note } : {}),
      ...(s.recovered ? { recovered: s.recovered } : {}),
      ...(s.seenByPageOnly ? { seenByPageOnly: s.seenByPageOnly } : {}),
    })),
    findings: sortFindings(flow.findings),
    ...(flow.upstreamOf ? { upstreamOf: flow.upstreamOf } : {}),
    ...(flow.upstreamLegs ? { upstreamLegs: [...flow.upstreamLegs] } : {}),
  };
}

/** The CLI `--json` document (docs/architecture.md "The analysis document"). Top-level findings are those not tied to any flow. */
export function toReport(flows: readonly JudgedFlow[], global: readonly Finding[] = []): AnalysisReport {
  return { version: 2, flows: flows.map(toFlowReport), findings: sortFindings(global) };
}
