import { useEffect } from 'preact/hooks';
import type { FlowReport, StepReport } from '../lib/model/analysis';
import type { StepRows } from './view-models/flow-view';
import { formatOffset, hostPath } from './view-models/format';
import { Icon } from './Icon';
import { listKeyHandler } from './hooks/use-list-keys';
import { useVirtualList } from './hooks/use-virtual-list';

export const STEP_ROW_HEIGHT = 24;

export interface TimelineProps {
  flow: FlowReport;
  rows: StepRows;
  selected: number | null;
  onSelect(index: number): void;
  onOpen?(): void;
  /** Set to move keyboard focus into the list (after Enter in the flow list). */
  focusToken?: number;
}

function statusClass(status: number | null): string {
  if (status === null) return '';
  if (status >= 400) return 'ol-status-bad';
  if (status >= 300) return 'ol-status-redirect';
  return '';
}

/** The status; one the browser never reported but was recovered (lib/flow/recovered.ts) is marked, and its tooltip says from where. */
function StatusCell({ step }: { step: StepReport }) {
  if (!step.recovered) return <span class={`ol-num ${statusClass(step.status)}`}>{step.status ?? '(pending)'}</span>;
  return (
    <span class={`ol-num ${statusClass(step.status)}`} title={step.note}>
      {step.status ?? (step.recovered === 'redirect-chain' ? '3xx' : '(pending)')}*<span class="ol-visually-hidden">{step.seenByPageOnly ? ' (seen by the page only)' : ' (recovered)'}</span>
    </span>
  );
}

function Where({ step }: { step: StepReport }) {
  if (step.context === 'popup')
    return (
      <span class="ol-where" title={`Popup window (tab ${step.tabId})`}>
        <Icon name="popup" /> popup
      </span>
    );
  if (step.context === 'iframe')
    return (
      <span class="ol-where" title={`Sub-frame ${step.frameId} of tab ${step.tabId}`}>
        <Icon name="iframe" /> iframe
      </span>
    );
  return (
    <span class="ol-where ol-dim" title={`Top frame of tab ${step.tabId}`}>
      {step.tabId >= 0 ? 'page' : 'ext'}
    </span>
  );
}

function UrlCell({ step }: { step: StepReport }) {
  if (!step.observed)
    return (
      <span class="ol-url ol-unobserved-text" title={step.note ?? 'Not observable from the browser'}>
        not observable from the browser
      </span>
    );
  const { host, path, query } = hostPath(step.url);
  return (
    <span class="ol-url" title={step.url.length > 2000 ? `${step.url.slice(0, 2000)}…` : step.url}>
      <span class="ol-url-host">{host}</span>
      <span class="ol-url-path">{path}</span>
      <span class="ol-url-query">{query.length > 300 ? `${query.slice(0, 300)}…` : query}</span>
    </span>
  );
}

export function Timeline({ flow, rows, selected, onSelect, onOpen, focusToken }: TimelineProps) {
  const list = useVirtualList(rows.length, STEP_ROW_HEIGHT);
  const current = selected ?? -1;
  useEffect(() => list.scrollToIndex(current), [current, flow.id]);
  useEffect(() => {
    if (focusToken) list.scrollRef.current?.focus();
  }, [focusToken]);
  const keys = listKeyHandler(rows.length, current, onSelect, onOpen, 20);
  return (
    <div class="ol-timeline">
      <div class="ol-step-head" aria-hidden="true">
        <span />
        <span>Step</span>
        <span>Method</span>
        <span>URL</span>
        <span class="ol-num">Status</span>
        <span>Where</span>
        <span class="ol-num">Time</span>
        <span />
      </div>
      <div
        class="ol-scroll"
        ref={list.scrollRef}
        role="listbox"
        tabIndex={0}
        aria-label={`Steps of the selected flow (${rows.length})`}
        aria-activedescendant={current >= 0 ? `ol-step-${current}` : undefined}
        onKeyDown={keys}
      >
        <div style={{ height: `${list.totalSize}px`, position: 'relative' }}>
          {list.items.map((item) => {
            const row = rows.at(item.index);
            const step = row.step;
            const classes = ['ol-step-row'];
            if (row.severity) classes.push(`ol-row-${row.severity}`);
            if (!step.observed) classes.push('ol-unobserved');
            if (item.index === current) classes.push('ol-selected');
            return (
              <div
                key={item.index}
                id={`ol-step-${item.index}`}
                role="option"
                aria-selected={item.index === current}
                class={classes.join(' ')}
                style={{ transform: `translateY(${item.start}px)`, height: `${STEP_ROW_HEIGHT}px` }}
                onClick={() => onSelect(item.index)}
                onDblClick={() => onOpen?.()}
              >
                <span class="ol-gutter">
                  {row.redirectFrom !== null ? <Icon name="redirect" title={`Redirected here (${row.redirectFrom}) by the previous step`} /> : null}
                </span>
                <span class={`ol-kind ol-kind-${step.kind}`}>{step.kind}</span>
                <span class="ol-method" title={step.seenByPageOnly ? 'method unknown: seen by the page only' : undefined}>
                  {step.observed ? step.method : '—'}
                </span>
                <UrlCell step={step} />
                {step.observed ? <StatusCell step={step} /> : null}
                {step.observed ? <Where step={step} /> : null}
                <span class="ol-num ol-dim">{formatOffset(row.offset)}</span>
                <span class="ol-step-findings">
                  {row.severity ? (
                    <span class={`ol-count ol-sev-${row.severity}`} title={`${row.findings} finding(s) on this step`}>
                      <Icon name={row.severity} />
                      {row.findings}
                    </span>
                  ) : null}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
