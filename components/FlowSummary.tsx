import { outcomeLabel } from '../lib/flow/outcome-label';
import type { FlowReport } from '../lib/model/analysis';
import type { FlowRow } from './view-models/flow-view';
import { Icon } from './Icon';
import { LongText } from './LongText';

function headline(flow: FlowReport): string {
  const label = outcomeLabel(flow);
  if (flow.outcome !== 'incomplete') return label;
  const last = flow.steps[flow.steps.length - 1];
  return `${label}${last ? ` — last step seen: ${last.kind}` : ''}`;
}

/** The selected flow in one glance: outcome, where it broke, who the client and server are. */
export function FlowSummary({ row }: { row: FlowRow }) {
  const flow = row.flow;
  const facts: Array<[string, string | null]> = [
    ['issuer', flow.issuer],
    ['client_id', flow.clientId],
    ['redirect_uri', flow.redirectUri],
    ['grant', flow.grant],
  ];
  return (
    <header class={`ol-summary ol-outcome-${flow.outcome}`}>
      <div class="ol-summary-line">
        <Icon name={flow.outcome} class="ol-outcome-icon" />
        <strong>{headline(flow)}</strong>
        <span class="ol-summary-counts">
          <span class="ol-dim">{flow.steps.length.toLocaleString('en-US')} steps</span>
          <span class={`ol-count${row.errors ? ' ol-sev-error' : ' ol-dim'}`} title="errors">
            <Icon name="error" />
            {row.errors}
          </span>
          <span class={`ol-count${row.warnings ? ' ol-sev-warning' : ' ol-dim'}`} title="warnings">
            <Icon name="warning" />
            {row.warnings}
          </span>
          <span class={`ol-count${row.infos ? ' ol-sev-info' : ' ol-dim'}`} title="info">
            <Icon name="info" />
            {row.infos}
          </span>
        </span>
      </div>
      <dl class="ol-facts">
        {facts.map(([k, v]) => (
          <div key={k} class="ol-fact">
            <dt>{k}</dt>
            <dd class="ol-mono" title={v ?? undefined}>{v === null ? <span class="ol-dim">—</span> : <LongText text={v} limit={160} />}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
