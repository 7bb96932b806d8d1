import type { AnalysisReport, FlowReport, StepReport } from '../model/analysis';
import type { Finding } from '../model/finding';
import { brokerSummary, type BrokerSummary } from '../flow/broker-label';
import { outcomeLabel } from '../flow/outcome-label';
import { missingClientLabel } from '../flow/client-label';
import { serverHost } from '../flow/server-label';

const MARK: Record<Finding['severity'], string> = { error: '✖ error', warning: '▲ warning', info: '• info' };

/** Printable: control characters from captured values never reach the terminal. */
export function printable(value: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function stepLine(step: StepReport, index: number, t0: number): string {
  const rel = step.time - t0;
  const where = step.context === 'top' ? '' : ` [${step.context}]`;
  const status = step.observed ? String(step.status ?? '—') : 'not observable';
  return `  ${String(index).padStart(2)}  +${String(rel).padStart(6)} ms  ${step.kind.padEnd(12)} ${step.method.padEnd(5)} ${status.padEnd(4)} ${printable(step.url)}${where}`;
}

function findingLines(f: Finding): string[] {
  const lines = [`        ${MARK[f.severity]} ${f.check}: ${printable(f.message, 400)}`];
  for (const e of f.evidence) {
    lines.push(`            ${printable(e.label, 40)}: ${printable(e.value, 200)}${e.expected !== undefined ? `  (expected ${printable(e.expected, 200)})` : ''}`);
  }
  lines.push(`            fix: ${printable(f.fix, 400)}`, `            spec: ${f.spec}`);
  return lines;
}

/** "  Brokered login: via Google, through Auth0. Upstream leg: flow f2 (Google)." */
function brokerLine(broker: BrokerSummary): string {
  const peers = broker.peers.map((p) => `flow ${p.id} (${p.provider})`).join(', ');
  return `  ${printable(broker.sentence, 400)} ${broker.role === 'app' ? 'Upstream leg' : 'App flow'}: ${printable(peers, 400)}.`;
}

/** One flow as text; `flows` (the whole report's) name the other flow of a brokered login. */
export function formatFlow(flow: FlowReport, flows: readonly FlowReport[] = [flow]): string {
  const t0 = flow.startTime;
  const errors = flow.findings.filter((f) => f.severity === 'error').length;
  const warnings = flow.findings.filter((f) => f.severity === 'warning').length;
  const broker = brokerSummary(flow, flows);
  const head = `Flow ${flow.id} — ${flow.grant}, ${outcomeLabel(flow, broker)} — ${flow.clientId === null ? missingClientLabel(flow) : `client ${printable(flow.clientId)}`} at ${printable(flow.issuer ?? serverHost(flow) ?? '?')} (${errors} errors, ${warnings} warnings)`;
  const lines = broker ? [head, brokerLine(broker)] : [head];
  flow.steps.forEach((step, i) => {
    lines.push(stepLine(step, i + 1, t0));
    for (const f of flow.findings.filter((x) => x.step === i)) lines.push(...findingLines(f));
  });
  const general = flow.findings.filter((f) => f.step === null || f.step >= flow.steps.length);
  if (general.length) {
    lines.push('  whole flow:');
    for (const f of general) lines.push(...findingLines(f));
  }
  return lines.join('\n');
}

export function formatText(report: AnalysisReport): string {
  if (report.flows.length === 0 && report.findings.length === 0) return 'No OAuth or OpenID Connect flow found in this input.\n';
  const parts = report.flows.map((flow) => formatFlow(flow, report.flows));
  if (report.findings.length) parts.push(['Not tied to a flow:', ...report.findings.flatMap(findingLines)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
