import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { siteAccessNotice } from '../lib/site-access/notice';
import { metadataTargets } from '../lib/trace/metadata-requests';
import { DetailsPane, type DetailsTab } from './DetailsPane';
import { EmptyState } from './EmptyState';
import { FlowList } from './FlowList';
import { FlowSummary } from './FlowSummary';
import { clientIds, defaultFlowId, eventLookup, failingCount, failingStep, flowRows, NO_FILTER, stepRows, type FlowFilter } from './view-models/flow-view';
import type { PanelActions, PanelData, PanelStatus, ThemeName } from './view-models/panel-types';
import { StatusBar } from './StatusBar';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { useFailureAnnouncement } from './hooks/use-failure-announcement';

export interface AppProps {
  data: PanelData;
  status?: PanelStatus;
  actions?: PanelActions;
  theme?: ThemeName;
  /** Fixed clock for tests and screenshots. */
  now?: number;
  /** Shown instead of the "nothing recorded yet" text (the viewer has no live capture). */
  empty?: ComponentChildren;
  /** Strips under the toolbar: the imported source, import progress, messages. */
  banner?: ComponentChildren;
  /** Menus and dialogs positioned over the app. */
  overlay?: ComponentChildren;
  /** Controls at the start of the toolbar (the viewer's View / Diff switch). */
  toolbarStart?: ComponentChildren;
  /** No live capture: the record, clear and preserve controls are left out. */
  standalone?: boolean;
  exportOpen?: boolean;
  /** Told which flow is on screen, so "export this flow" exports the one the user sees. */
  onShownFlow?(id: string | null): void;
  /** The flow to show first (the popup opens the panel page on one flow); later picks override it. */
  initialFlow?: string | null;
  /** The page's level-one heading (visually hidden: the toolbar says where you are). */
  heading?: string;
}

const STATIC: PanelStatus = { paused: false, preserve: false, connection: 'static' };

/** The whole panel: toolbar, flows | timeline | details, status bar. Data comes in through props. */
export function App({ data, status = STATIC, actions = {}, theme = 'auto', now, empty, banner, overlay, toolbarStart, standalone, exportOpen, onShownFlow, heading = 'OAuth Lens', initialFlow = null }: AppProps) {
  const [filter, setFilter] = useState<FlowFilter>(NO_FILTER);
  const [pickedFlow, setPickedFlow] = useState<string | null>(initialFlow);
  const [pickedStep, setPickedStep] = useState<{ flow: string; index: number } | null>(null);
  const [tab, setTab] = useState<DetailsTab | null>(null);
  const [timelineFocus, setTimelineFocus] = useState(0);
  const filterRef = useRef<HTMLInputElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);

  const events = useMemo(() => eventLookup(data.events), [data.events]);
  const flows = data.analysis.flows;
  const rows = useMemo(() => flowRows(flows, filter), [flows, filter]);
  const clients = useMemo(() => clientIds(flows), [flows]);
  const metadataUrls = useMemo(() => metadataTargets(data.analysis).map((t) => t.discoveryUrl), [data.analysis]);
  const picked = rows.indexOf(pickedFlow);
  const rowIndex = picked >= 0 ? picked : rows.indexOf(defaultFlowId(rows));
  const row = rowIndex >= 0 ? rows.at(rowIndex) : undefined;
  const flow = row?.flow;
  const steps = useMemo(() => (flow ? stepRows(flow, events) : null), [flow, events]);
  const failing = useMemo(() => (flow ? failingStep(flow) : null), [flow]);
  const step = flow ? (pickedStep?.flow === flow.id ? pickedStep.index : (failing ?? (flow.steps.length ? 0 : null))) : null;
  const activeTab: DetailsTab = tab ?? (flow?.findings.length ? 'findings' : 'request');
  const totalSteps = useMemo(() => flows.reduce((n, f) => n + f.steps.length, 0), [flows]);
  const failedCount = useMemo(() => failingCount(rows), [rows]);

  const announcement = useFailureAnnouncement(flows, status.connection === 'live');
  const accessNotice = siteAccessNotice(status.siteAccess, flow);

  const shownId = flow?.id ?? null;
  useEffect(() => onShownFlow?.(shownId), [shownId, onShownFlow]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const selectFlow = (id: string) => {
    setPickedFlow(id);
    setTab(null);
  };
  const selectStep = (index: number) => flow && setPickedStep({ flow: flow.id, index });
  // "step 7 · callback" on a finding: the timeline selects that step and takes focus (the
  // button that had it goes away with the Findings tab); the details show its request.
  const showStep = (index: number) => {
    selectStep(index);
    setTab('request');
    setTimelineFocus((n) => n + 1);
  };

  return (
    <main class={`ol-app ol-theme-${theme}`}>
      <h1 class="ol-visually-hidden">{heading}</h1>
      <Toolbar
        filter={filter}
        onFilter={setFilter}
        clients={clients}
        paused={status.paused}
        preserve={status.preserve}
        filterRef={filterRef}
        start={toolbarStart}
        standalone={standalone ?? false}
        exportOpen={exportOpen ?? false}
        metadataUrls={metadataUrls}
        {...actions}
      />
      {banner}
      {status.notice ? (
        <div class="ol-notice" role="alert">
          {status.notice}
        </div>
      ) : null}
      {accessNotice ? (
        <div class="ol-notice ol-site-access-notice" role="status">
          {accessNotice}{' '}
          {actions.onSiteAccess ? (
            <button type="button" class="ol-link-button" onClick={actions.onSiteAccess}>
              Site access…
            </button>
          ) : null}
        </div>
      ) : null}
      {flows.length === 0 ? (
        empty ?? <EmptyState paused={status.paused} {...(actions.onImport ? { onImport: actions.onImport } : {})} />
      ) : (
        <div class="ol-main">
          <FlowList rows={rows} selected={rowIndex} onSelect={selectFlow} onOpen={() => setTimelineFocus((n) => n + 1)} totalFlows={flows.length} />
          <section class="ol-pane ol-center" aria-label="Timeline">
            {row && flow && steps ? (
              <>
                <FlowSummary row={row} onSelectFlow={selectFlow} />
                <Timeline
                  flow={flow}
                  rows={steps}
                  selected={step}
                  onSelect={selectStep}
                  onOpen={() => {
                    if (activeTab === 'findings' && !flow.findings.some((f) => f.step === step)) setTab('request');
                    detailsRef.current?.focus();
                  }}
                  focusToken={timelineFocus}
                />
              </>
            ) : (
              <p class="ol-pad ol-dim">No flow matches the filter.</p>
            )}
          </section>
          {flow ? (
            <DetailsPane
              flow={flow}
              step={step}
              events={events}
              tab={activeTab}
              onTab={setTab}
              onShowStep={showStep}
              onBack={() => setTimelineFocus((n) => n + 1)}
              paneRef={detailsRef}
              {...(now !== undefined ? { now } : {})}
            />
          ) : (
            <section class="ol-pane ol-details" />
          )}
        </div>
      )}
      <div class="ol-visually-hidden ol-announcer" role="status" aria-live="polite" aria-atomic="true">
        {announcement.message ? <span key={announcement.count}>{announcement.message}</span> : null}
      </div>
      <StatusBar status={status} flows={flows.length} failed={failedCount} steps={totalSteps} events={data.events.length} />
      {overlay}
    </main>
  );
}
