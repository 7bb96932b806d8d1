import type { FlowReport } from '../../lib/model/analysis';
import type { FlowDifference, FlowPairDiff } from '../../lib/trace/diff';

/** One line of the diff table; `left`/`right` are shown as text, `null` as a dash. */
export interface DiffRow {
  section: 'Flow' | 'Authorization request' | 'Scopes' | 'Steps reached' | 'Findings';
  what: string;
  left: string | null;
  right: string | null;
  severity?: string;
}

const FIELD: Record<Extract<FlowDifference, { kind: 'field' }>['field'], string> = {
  grant: 'grant',
  clientId: 'client_id',
  issuer: 'issuer',
  redirectUri: 'redirect_uri',
  outcome: 'outcome',
};

const SECTION_ORDER: DiffRow['section'][] = ['Flow', 'Authorization request', 'Scopes', 'Steps reached', 'Findings'];

const count = (n: number) => (n === 0 ? 'not reached' : n === 1 ? 'reached' : `reached ×${n}`);

export function diffRows(differences: readonly FlowDifference[]): DiffRow[] {
  const rows = differences.map((d): DiffRow => {
    switch (d.kind) {
      case 'field':
        return { section: 'Flow', what: FIELD[d.field], left: d.left, right: d.right };
      case 'authorize-param':
        return { section: 'Authorization request', what: d.name, left: d.left, right: d.right };
      case 'scope':
        return {
          section: 'Scopes',
          what: 'scope',
          left: d.onlyLeft.length ? `only here: ${d.onlyLeft.join(' ')}` : null,
          right: d.onlyRight.length ? `only here: ${d.onlyRight.join(' ')}` : null,
        };
      case 'step':
        return { section: 'Steps reached', what: d.step, left: count(d.left), right: count(d.right) };
      case 'finding':
        return { section: 'Findings', what: d.check, left: d.side === 'left' ? d.title : null, right: d.side === 'right' ? d.title : null, severity: d.severity };
    }
  });
  return rows.sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
}

/** The steps each side reached, in order, with the first position where they part. */
export function stepStrips(left: FlowReport | null, right: FlowReport | null): { left: string[]; right: string[]; firstDifference: number | null } {
  const kinds = (f: FlowReport | null) => (f ? f.steps.filter((s) => s.observed).map((s) => s.kind) : []);
  const l = kinds(left);
  const r = kinds(right);
  let i = 0;
  while (i < l.length && i < r.length && l[i] === r[i]) i++;
  return { left: l, right: r, firstDifference: i === l.length && i === r.length ? null : i };
}

export interface PairView {
  pair: FlowPairDiff;
  left: FlowReport | null;
  right: FlowReport | null;
  rows: DiffRow[];
}

export function pairViews(pairs: readonly FlowPairDiff[], leftFlows: readonly FlowReport[], rightFlows: readonly FlowReport[]): PairView[] {
  return pairs.map((pair) => ({
    pair,
    left: leftFlows.find((f) => f.id === pair.left) ?? null,
    right: rightFlows.find((f) => f.id === pair.right) ?? null,
    rows: diffRows(pair.differences),
  }));
}
