import type { RefObject } from 'preact';
import type { FlowReport } from '../lib/model/analysis';
import type { EventLookup } from './view-models/flow-view';
import { FindingCard } from './FindingCard';
import { StepDetails, type StepTab } from './StepDetails';
import { tabKeyHandler } from './hooks/use-list-keys';

export type DetailsTab = 'findings' | StepTab;

const TABS: Array<[DetailsTab, string]> = [
  ['findings', 'Findings'],
  ['request', 'Request'],
  ['response', 'Response'],
  ['tokens', 'Tokens'],
  ['cookies', 'Cookies'],
];

export interface DetailsPaneProps {
  flow: FlowReport;
  step: number | null;
  events: EventLookup;
  tab: DetailsTab;
  onTab(tab: DetailsTab): void;
  onShowStep(index: number): void;
  onBack?(): void;
  paneRef?: RefObject<HTMLDivElement | null>;
  now?: number;
}

/** Right-hand side: the flow's findings, or one aspect of the selected step. */
export function DetailsPane({ flow, step, events, tab, onTab, onShowStep, onBack, paneRef, now }: DetailsPaneProps) {
  const current = step !== null ? flow.steps[step] : undefined;
  const event = current?.eventId ? (events.get(current.eventId) ?? null) : null;
  const tabKeys = tabKeyHandler(
    TABS.length,
    TABS.findIndex(([id]) => id === tab),
    (i) => onTab(TABS[i]![0]),
  );
  return (
    <section class="ol-pane ol-details" aria-label="Details">
      <div class="ol-tabs" role="tablist" aria-label="Details" onKeyDown={tabKeys}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`ol-tab-${id}`}
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            aria-controls="ol-tabpanel"
            class={`ol-tab${tab === id ? ' ol-tab-active' : ''}`}
            onClick={() => onTab(id)}
          >
            {label}
            {id === 'findings' && flow.findings.length ? <span class="ol-tab-count">{flow.findings.length}</span> : null}
          </button>
        ))}
      </div>
      <div
        class="ol-tabpanel"
        id="ol-tabpanel"
        role="tabpanel"
        aria-labelledby={`ol-tab-${tab}`}
        tabIndex={-1}
        ref={paneRef}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onBack) onBack();
        }}
      >
        {tab === 'findings' ? (
          flow.findings.length ? (
            flow.findings.map((f, i) => (
              <FindingCard key={`${f.check}-${i}`} finding={f} step={f.step !== null ? (flow.steps[f.step] ?? null) : null} current={f.step !== null && f.step === step} onShowStep={onShowStep} />
            ))
          ) : (
            <p class="ol-pad ol-ok">No findings — every check passed on what the browser could see.</p>
          )
        ) : current && step !== null ? (
          <StepDetails flow={flow} step={current} index={step} event={event} events={events} tab={tab} {...(now !== undefined ? { now } : {})} />
        ) : (
          <p class="ol-pad ol-dim">Select a step in the timeline.</p>
        )}
      </div>
    </section>
  );
}
