import type { AnalysisReport, FlowReport } from '../model/analysis';
import type { Finding } from '../model/finding';
import { brokerSummary, type BrokerSummary } from '../flow/broker-label';
import { clientLabel } from '../flow/client-label';
import { outcomeLabel } from '../flow/outcome-label';
import { isoTime } from '../format/time';

/**
 * A Markdown summary of an analysis for a ticket: per flow a timeline table and its findings.
 * The report must come from a redacted trace (redaction happens in lib/redact, at the export
 * boundary); this module only makes every value inert text: HTML is entity-escaped and Markdown
 * punctuation backslash-escaped, so a hostile URL or message cannot add links, images, HTML or
 * table cells where it is pasted.
 */

export interface MarkdownOptions {
  title?: string;
  /** Longer URLs are cut in the timeline (the full URL stays in the trace). */
  maxUrlChars?: number;
}

export function toMarkdown(report: AnalysisReport, options: MarkdownOptions = {}): string {
  const maxUrl = options.maxUrlChars ?? 300;
  const all = [...report.findings, ...report.flows.flatMap((f) => f.findings)];
  const count = (s: Finding['severity']) => all.filter((f) => f.severity === s).length;
  const lines: string[] = [
    `# ${escapeMarkdown(options.title ?? 'OAuth Lens report')}`,
    '',
    `${report.flows.length} flow(s); ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s).`,
    '',
  ];
  report.flows.forEach((flow, i) => lines.push(...flowSection(flow, i + 1, maxUrl, report.flows)));
  if (report.findings.length) {
    lines.push('## Findings not tied to a flow', '', ...report.findings.flatMap((f) => findingLines(f, null)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "- Brokered login: via Google, through Auth0. Upstream leg: Flow 2 (Google)." (flows numbered as their sections). */
function brokerLines(broker: BrokerSummary | null, flows: readonly FlowReport[]): string[] {
  if (!broker) return [];
  const peers = broker.peers.map((p) => `Flow ${flows.findIndex((f) => f.id === p.id) + 1} (${p.provider})`).join(', ');
  return [`- ${escapeMarkdown(`${broker.sentence} ${broker.role === 'app' ? 'Upstream leg' : 'App flow'}: ${peers}.`)}`];
}

function flowSection(flow: FlowReport, n: number, maxUrl: number, flows: readonly FlowReport[]): string[] {
  const broker = brokerSummary(flow, flows);
  const lines = [
    `## Flow ${n}: ${escapeMarkdown(flow.grant)}, ${escapeMarkdown(outcomeLabel(flow, broker))}`,
    '',
    ...brokerLines(broker, flows),
    `- Client: ${escapeMarkdown(clientLabel(flow))}`,
    `- Issuer: ${text(flow.issuer)}`,
    `- Redirect URI: ${text(flow.redirectUri)}`,
    `- Started: ${text(isoTime(flow.startTime))}`,
    '',
    '### Timeline',
    '',
    '| # | Time | Step | Method | Status | URL |',
    '|---|---|---|---|---|---|',
  ];
  flow.steps.forEach((s, i) => {
    const url = s.url.length > maxUrl ? `${s.url.slice(0, maxUrl)}…` : s.url;
    const known = s.status === null ? (s.observed ? '' : 'not observable') : String(s.status);
    const status = !s.recovered
      ? known
      : s.seenByPageOnly
        ? `${s.status ?? ''} (seen by the page only, from ${s.recovered}: method, headers and body unknown)`
        : s.recovered === 'later-events'
          ? `${known} (request rebuilt from later events)`
          : `${s.status ?? '3xx'} (recovered from ${s.recovered})`;
    lines.push(`| ${i + 1} | ${cell(timeOf(s.time))} | ${cell(s.kind)} | ${cell(s.method)} | ${cell(status)} | ${cell(url)} |`);
  });
  lines.push('', '### Findings', '');
  if (flow.findings.length === 0) lines.push('No findings.');
  else for (const f of flow.findings) lines.push(...findingLines(f, flow));
  lines.push('');
  return lines;
}

function findingLines(f: Finding, flow: FlowReport | null): string[] {
  const step = f.step === null ? '' : ` (step ${f.step + 1}${flow?.steps[f.step] ? `, ${escapeMarkdown(flow.steps[f.step]!.kind)}` : ''})`;
  const lines = [
    `- **${escapeMarkdown(f.severity)}** ${escapeMarkdown(f.check)}: ${escapeMarkdown(f.title)}${step}`,
    `  - ${escapeMarkdown(f.message)}`,
    `  - Fix: ${escapeMarkdown(f.fix)}`,
    `  - Spec: ${escapeMarkdown(f.spec)}`,
  ];
  for (const e of f.evidence) {
    const expected = e.expected === undefined ? '' : ` (expected ${escapeMarkdown(e.expected)})`;
    lines.push(`  - ${escapeMarkdown(e.label)}: ${escapeMarkdown(e.value)}${expected}`);
  }
  return lines;
}

/** The time of day in UTC, to the millisecond: "09:01:40.540". */
function timeOf(ms: number): string {
  return isoTime(ms).slice(11, 23);
}

function text(value: string | null): string {
  return value === null ? '(none)' : escapeMarkdown(value);
}

function cell(value: string): string {
  return escapeMarkdown(value) || ' ';
}

/**
 * Inert text for Markdown (CommonMark §2.4 backslash escapes, §6.6 raw HTML): line breaks
 * collapse to spaces (no new blocks or table rows), `& < >` become entities, and every
 * punctuation character that can start emphasis, a link, an image, code, a heading or a cell
 * boundary is backslash-escaped.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\](){}#!|~]/g, '\\$&');
}
