import { useEffect } from 'preact/hooks';
import { missingClientLabel } from '../lib/flow/client-label';
import { outcomeLabel } from '../lib/flow/outcome-label';
import type { Grant } from '../lib/model/flow';
import type { FlowRow, FlowRows } from './view-models/flow-view';
import { serverHost } from '../lib/flow/server-label';
import { formatClock, shorten } from './view-models/format';
import { Icon } from './Icon';
import { listKeyHandler } from './hooks/use-list-keys';
import { useVirtualList } from './hooks/use-virtual-list';

export const FLOW_ROW_HEIGHT = 42;

const GRANT_LABEL: Record<Grant, string> = {
  authorization_code: 'code',
  implicit: 'implicit',
  hybrid: 'hybrid',
  refresh_token: 'refresh',
  client_credentials: 'client credentials',
  device_code: 'device code',
  unknown: 'unknown grant',
};

export function flowTitle(row: FlowRow): string {
  return serverHost(row.flow) ?? '(unknown server)';
}

export interface FlowListProps {
  rows: FlowRows;
  /** The selected row's index, or -1. */
  selected: number;
  onSelect(id: string): void;
  onOpen?(): void;
  totalFlows: number;
}

export function FlowList({ rows, selected, onSelect, onOpen, totalFlows }: FlowListProps) {
  const list = useVirtualList(rows.length, FLOW_ROW_HEIGHT);
  useEffect(() => list.scrollToIndex(selected), [selected]);
  const keys = listKeyHandler(rows.length, selected, (i) => i >= 0 && i < rows.length && onSelect(rows.flow(i).id), onOpen);
  return (
    <section class="ol-pane ol-flows" aria-label="Flows">
      <header class="ol-pane-head">
        Flows <span class="ol-dim">{rows.length === totalFlows ? rows.length : `${rows.length} of ${totalFlows}`}</span>
      </header>
      <div
        class="ol-scroll"
        ref={list.scrollRef}
        role="listbox"
        tabIndex={0}
        aria-label="Flows, newest first"
        aria-activedescendant={selected >= 0 ? `ol-flow-${selected}` : undefined}
        onKeyDown={keys}
      >
        {rows.length === 0 ? <p class="ol-list-empty">{totalFlows ? 'No flow matches the filter.' : 'No flows yet.'}</p> : null}
        <div style={{ height: `${list.totalSize}px`, position: 'relative' }}>
          {list.items.map((item) => {
            const row = rows.at(item.index);
            const flow = row.flow;
            const isSelected = item.index === selected;
            return (
              <div
                key={flow.id}
                id={`ol-flow-${item.index}`}
                role="option"
                aria-selected={isSelected}
                class={`ol-flow-row ol-outcome-${flow.outcome}${isSelected ? ' ol-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: `${FLOW_ROW_HEIGHT}px` }}
                onClick={() => onSelect(flow.id)}
                onDblClick={() => onOpen?.()}
              >
                <Icon name={flow.outcome} class="ol-outcome-icon" title={outcomeLabel(flow, row.broker)} />
                <div class="ol-flow-main">
                  <div class={`ol-flow-line1${row.broker ? ' ol-has-broker' : ''}`}>
                    <span class="ol-flow-host">{flowTitle(row)}</span>
                    {row.broker ? (
                      <span class="ol-flow-broker" title={row.broker.sentence}>
                        {row.broker.tag}
                      </span>
                    ) : null}
                    <span class="ol-counts">
                      <SeverityCount severity="error" count={row.errors} />
                      <SeverityCount severity="warning" count={row.warnings} />
                    </span>
                  </div>
                  <div class="ol-flow-line2">
                    <span class="ol-mono ol-flow-client" title={flow.clientId ?? undefined}>
                      {flow.clientId ? shorten(flow.clientId, 24) : missingClientLabel(flow)}
                    </span>
                    <span class="ol-dot">·</span>
                    <span>{GRANT_LABEL[flow.grant]}</span>
                    <span class="ol-flow-time">{formatClock(row.start).slice(0, 8)}</span>
                  </div>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

/** "3 ⚠" in a flow row; nothing when the count is 0. */
function SeverityCount({ severity, count }: { severity: 'error' | 'warning'; count: number }) {
  return count ? (
    <span class={`ol-count ol-sev-${severity}`} title={`${count} ${severity}(s)`}>
      <Icon name={severity} />
      {count}
    </span>
  ) : null;
}
