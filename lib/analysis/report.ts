import type { AnalysisReport, FlowReport } from '../model/analysis';
import { SEVERITY_RANK, type Finding } from '../model/finding';
import type { JudgedFlow } from '../model/flow';

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
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
    startTime: iso(flow.startTime),
    steps: flow.steps.map((s) => ({
      kind: s.kind,
      method: s.method,
      url: s.url,
      status: s.status,
      time: iso(s.time),
      observed: s.observed,
      tabId: s.tabId,
      frameId: s.frameId,
      context: s.context,
      eventId: s.event?.id ?? null,
      ...(s.note ? { note: s.note } : {}),
    })),
    findings: sortFindings(flow.findings),
  };
}

/** The CLI `--json` document (docs/architecture.md "The analysis document"). Top-level findings are those not tied to any flow. */
export function toReport(flows: readonly JudgedFlow[], global: readonly Finding[] = []): AnalysisReport {
  return { version: 1, flows: flows.map(toFlowReport), findings: sortFindings(global) };
}
