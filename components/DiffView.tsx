import { useMemo } from 'preact/hooks';
import type { AnalysisReport, FlowReport } from '../lib/model/analysis';
import { diffReports } from '../lib/trace/diff';
import { Icon } from './Icon';
import { pairViews, stepStrips, type DiffRow, type PairView } from './view-models/diff-rows';

export interface DiffSide {
  name: string;
  analysis: AnalysisReport;
}

/**
 * Where a working and a failing trace differ, flow by flow (lib/trace/diff.ts pairs the flows
 * and lists configuration differences; per-login values such as state are compared by shape).
 */
export function DiffView({ left, right }: { left: DiffSide; right: DiffSide }) {
  const views = useMemo(() => pairViews(diffReports(left.analysis, right.analysis), left.analysis.flows, right.analysis.flows), [left, right]);
  if (views.length === 0) return <p class="ol-pad ol-dim">Neither trace holds an OAuth flow.</p>;
  return (
    <div class="ol-diff-result">
      {views.map((v, i) => (
        <PairSection key={`${v.pair.left}|${v.pair.right}|${i}`} view={v} left={left.name} right={right.name} />
      ))}
    </div>
  );
}

function flowTitle(f: FlowReport | null): string {
  return f ? `${f.clientId ?? 'unknown client'} · ${f.grant} · ${f.outcome}` : 'no matching flow';
}

function PairSection({ view, left, right }: { view: PairView; left: string; right: string }) {
  const strips = stepStrips(view.left, view.right);
  const alone = !view.left || !view.right;
  return (
    <section class="ol-diff-pair" aria-label={`Flow ${flowTitle(view.left)} compared with ${flowTitle(view.right)}`}>
      <table class="ol-diff-table">
        <colgroup>
          <col class="ol-diff-col-what" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">
              <span class="ol-diff-side">Working</span> <span class="ol-mono ol-dim">{left}</span>
              <div class={`ol-outcome-text ol-outcome-${view.left?.outcome ?? 'incomplete'}`}>{flowTitle(view.left)}</div>
            </th>
            <th scope="col">
              <span class="ol-diff-side">Failing</span> <span class="ol-mono ol-dim">{right}</span>
              <div class={`ol-outcome-text ol-outcome-${view.right?.outcome ?? 'incomplete'}`}>{flowTitle(view.right)}</div>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr class="ol-diff-steps">
            <th scope="row">steps</th>
            <td>
              <StepStrip kinds={strips.left} from={strips.firstDifference} />
            </td>
            <td>
              <StepStrip kinds={strips.right} from={strips.firstDifference} />
            </td>
          </tr>
          {alone ? (
            <tr>
              <td colSpan={3} class="ol-dim">
                This flow has no counterpart on the other side.
              </td>
            </tr>
          ) : view.rows.length === 0 ? (
            <tr>
              <td colSpan={3} class="ol-dim">
                No difference in parameters, redirect_uri, scopes, steps reached or findings.
              </td>
            </tr>
          ) : (
            <Rows rows={view.rows} />
          )}
        </tbody>
      </table>
    </section>
  );
}

function Rows({ rows }: { rows: DiffRow[] }) {
  let section = '';
  const out = [];
  for (const [i, row] of rows.entries()) {
    if (row.section !== section) {
      section = row.section;
      out.push(
        <tr key={`s${i}`} class="ol-diff-section">
          <th colSpan={3} scope="rowgroup">
            {section}
          </th>
        </tr>,
      );
    }
    out.push(
      <tr key={i} class="ol-diff-row">
        <th scope="row" class="ol-mono">
          {row.severity ? <Icon name={row.severity === 'error' ? 'error' : row.severity === 'warning' ? 'warning' : 'info'} class={`ol-sev-${row.severity}`} /> : null} {row.what}
        </th>
        <Cell value={row.left} />
        <Cell value={row.right} />
      </tr>,
    );
  }
  return <>{out}</>;
}

function Cell({ value }: { value: string | null }) {
  return <td class={`ol-diff-cell ${value === null ? 'ol-dim' : 'ol-value'}`}>{value ?? '—'}</td>;
}

function StepStrip({ kinds, from }: { kinds: string[]; from: number | null }) {
  if (kinds.length === 0) return <span class="ol-dim">none observed</span>;
  return (
    <span class="ol-strip">
      {kinds.map((k, i) => (
        <span key={i} class={`ol-kind ol-kind-${k}${from !== null && i >= from ? ' ol-strip-diff' : ''}`}>
          {k}
        </span>
      ))}
    </span>
  );
}
