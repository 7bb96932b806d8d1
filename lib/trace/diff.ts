import { queryParams, scopeList } from '../flow/params';
import type { AnalysisReport, FlowReport } from '../model/analysis';
import type { StepKind } from '../model/flow';
import { charsetOf, parseTag } from '../redact/tags';

/**
 * Where a working and a failing flow differ: authorization request parameters, redirect_uri,
 * scopes, steps reached and findings. Values unique per login (state, nonce, code_challenge,
 * and anything redacted into a tag — tags from two exports never match) are compared by
 * presence and shape only, so the list shows real configuration differences, not noise.
 */
export type FlowDifference =
  | { kind: 'field'; field: 'grant' | 'clientId' | 'issuer' | 'redirectUri' | 'outcome'; left: string | null; right: string | null }
  | { kind: 'authorize-param'; name: string; left: string | null; right: string | null }
  | { kind: 'scope'; onlyLeft: string[]; onlyRight: string[] }
  | { kind: 'step'; step: StepKind; left: number; right: number }
  | { kind: 'finding'; check: string; severity: string; side: 'left' | 'right'; title: string };

export interface FlowPairDiff {
  left: string | null;
  right: string | null;
  differences: FlowDifference[];
}

const PER_LOGIN = new Set(['state', 'nonce', 'code_challenge']);

export function diffFlows(left: FlowReport, right: FlowReport): FlowDifference[] {
  const out: FlowDifference[] = [];
  for (const field of ['grant', 'clientId', 'issuer', 'redirectUri', 'outcome'] as const) {
    if (left[field] !== right[field]) out.push({ kind: 'field', field, left: left[field], right: right[field] });
  }

  const a = authorizeParams(left);
  const b = authorizeParams(right);
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (name === 'scope' || name === 'redirect_uri') continue; // reported as scope / redirectUri
    const l = comparable(name, a.get(name) ?? null);
    const r = comparable(name, b.get(name) ?? null);
    if (l !== r) out.push({ kind: 'authorize-param', name, left: a.get(name) ?? null, right: b.get(name) ?? null });
  }

  const sa = scopeList(a.get('scope') ?? null);
  const sb = scopeList(b.get('scope') ?? null);
  const onlyLeft = sa.filter((s) => !sb.includes(s));
  const onlyRight = sb.filter((s) => !sa.includes(s));
  if (onlyLeft.length || onlyRight.length) out.push({ kind: 'scope', onlyLeft, onlyRight });

  const ca = stepCounts(left);
  const cb = stepCounts(right);
  for (const step of [...new Set([...ca.keys(), ...cb.keys()])]) {
    const l = ca.get(step) ?? 0;
    const r = cb.get(step) ?? 0;
    if (l !== r) out.push({ kind: 'step', step, left: l, right: r });
  }

  const fa = new Set(left.findings.map((f) => f.check));
  const fb = new Set(right.findings.map((f) => f.check));
  for (const f of dedupe(left.findings)) if (!fb.has(f.check)) out.push({ kind: 'finding', check: f.check, severity: f.severity, side: 'left', title: f.title });
  for (const f of dedupe(right.findings)) if (!fa.has(f.check)) out.push({ kind: 'finding', check: f.check, severity: f.severity, side: 'right', title: f.title });
  return out;
}

/**
 * Pair the flows of two reports: same client first, in time order, then whatever is left by
 * position. Unpaired flows appear with the other side null.
 */
export function diffReports(left: AnalysisReport, right: AnalysisReport): FlowPairDiff[] {
  const rest = [...right.flows];
  const pairs: Array<[FlowReport | null, FlowReport | null]> = [];
  const unmatched: FlowReport[] = [];
  for (const l of left.flows) {
    const i = rest.findIndex((r) => r.clientId === l.clientId);
    if (i >= 0) pairs.push([l, rest.splice(i, 1)[0]!]);
    else unmatched.push(l);
  }
  for (const l of unmatched) pairs.push([l, rest.shift() ?? null]);
  for (const r of rest) pairs.push([null, r]);
  return pairs.map(([l, r]) => ({ left: l?.id ?? null, right: r?.id ?? null, differences: l && r ? diffFlows(l, r) : [] }));
}

function authorizeParams(flow: FlowReport): Map<string, string> {
  const step = flow.steps.find((s) => s.kind === 'authorize');
  const out = new Map<string, string>();
  if (step) for (const p of queryParams(step.url)) if (!out.has(p.name)) out.set(p.name, p.value);
  return out;
}

/** What must be equal for two flows to count as "the same" on this parameter. */
function comparable(name: string, value: string | null): string | null {
  if (value === null) return null;
  const tag = parseTag(value);
  if (tag) return `present:${tag.length}:${family(tag.charset)}`;
  if (PER_LOGIN.has(name)) return `present:${value.length}:${family(charsetOf(value))}`;
  return value;
}

/**
 * Random URL-safe values land in hex, alnum or b64url by chance (a nonce with or without a `-`),
 * so those count as one family; digits-only (a counter or clock) and padded base64 stay apart.
 */
function family(charset: string): string {
  return ['hex', 'alnum', 'b64url', 'unreserved'].includes(charset) ? 'url-safe' : charset;
}

/** Steps the browser saw; synthetic "not observable" steps (a server-side exchange) are not reached. */
function stepCounts(flow: FlowReport): Map<StepKind, number> {
  const out = new Map<StepKind, number>();
  for (const s of flow.steps) if (s.observed) out.set(s.kind, (out.get(s.kind) ?? 0) + 1);
  return out;
}

function dedupe<T extends { check: string }>(findings: readonly T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.check) ? false : (seen.add(f.check), true)));
}
