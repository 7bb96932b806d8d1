import type { BrokerSummary } from '../lib/flow/broker-label';
import { missingClientLabel } from '../lib/flow/client-label';
import { outcomeLabel } from '../lib/flow/outcome-label';
import type { FlowReport } from '../lib/model/analysis';
import type { FlowRow } from './view-models/flow-view';
import { Icon } from './Icon';
import { LongText } from './LongText';

function headline(flow: FlowReport, broker: BrokerSummary | null): string {
  const label = outcomeLabel(flow, broker);
  if (flow.outcome !== 'incomplete') return label;
  const last = flow.steps[flow.steps.length - 1];
  return `${label}${last ? ` — last step seen: ${last.kind}` : ''}`;
}

/**
 * A brokered login's other flow, one button each: "Brokered login: via Google, through Auth0.
 * Show the Google flow".
 */
function BrokerFact({ broker, onSelectFlow }: { broker: BrokerSummary; onSelectFlow?: (id: string) => void }) {
  return (
    <div class="ol-fact ol-fact-wide ol-broker-fact">
      <dt>brokered</dt>
      <dd title={broker.sentence}>
        {broker.sentence}
        {onSelectFlow
          ? broker.peers.map((p) => (
              <button key={p.id} type="button" class="ol-link-button ol-broker-peer" onClick={() => onSelectFlow(p.id)}>
                {broker.role === 'app' ? `Show the upstream ${p.provider} flow` : `Show the app's ${p.provider} flow`}
              </button>
            ))
          : null}
      </dd>
    </div>
  );
}

/** The selected flow in one glance: outcome, where it broke, who the client and server are. */
export function FlowSummary({ row, onSelectFlow }: { row: FlowRow; onSelectFlow?: (id: string) => void }) {
  const flow = row.flow;
  // Each fact, and what to show dimmed when it is missing.
  const facts: Array<[string, string | null, string]> = [
    ['issuer', flow.issuer, '—'],
    ['client_id', flow.clientId, missingClientLabel(flow)],
    ['redirect_uri', flow.redirectUri, '—'],
    ['grant', flow.grant, '—'],
  ];
  return (
    <header class={`ol-summary ol-outcome-${flow.outcome}`}>
      <div class="ol-summary-line">
        <Icon name={flow.outcome} class="ol-outcome-icon" />
        <strong>{headline(flow, row.broker)}</strong>
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
        {row.broker ? <BrokerFact broker={row.broker} {...(onSelectFlow ? { onSelectFlow } : {})} /> : null}
        {facts.map(([k, v, missing]) => (
          <div key={k} class="ol-fact">
            <dt>{k}</dt>
            <dd class="ol-mono" title={v ?? undefined}>{v === null ? <span class="ol-dim">{missing}</span> : <LongText text={v} limit={160} />}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
