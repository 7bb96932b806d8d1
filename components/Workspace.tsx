import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { App } from './App';
import { ConfirmDialog } from './ConfirmDialog';
import { ExportMenu } from './ExportMenu';
import { DOM_IO, type FileIo } from './platform/file-io';
import { ImportBanner, ImportedBar, MessageBar } from './ImportBars';
import type { ExportScope, Message } from './view-models/ui-types';
import type { ImportedTrace } from '../lib/trace/import-core';
import { EMPTY_DATA, type PanelActions, type PanelData, type PanelStatus, type ThemeName } from './view-models/panel-types';
import { useExport } from './hooks/use-export';
import { useFileDrop } from './hooks/use-file-drop';
import { useImport, type ImportSettings } from './hooks/use-import';

/** Live capture from the bridge; null in the standalone viewer. */
export interface LiveSource {
  data: PanelData;
  status: PanelStatus;
  actions: PanelActions;
}

export interface WorkspaceProps {
  live: LiveSource | null;
  theme?: ThemeName;
  /** The viewer page's URL, for share links; null where it is unknown. */
  viewerUrl: string | null;
  io?: FileIo;
  importSettings?: ImportSettings;
  /** A share link's `#trace=…` to open (the viewer passes location.hash). */
  fragment?: string | null;
  /** What to show with no flows (given ways to open a file or a pasted share link). */
  empty?: (open: { picker(): void; link(url: string): void }) => ComponentChildren;
  toolbarStart?: ComponentChildren;
  now?: number;
  /** The page's level-one heading (see App). */
  heading?: string;
  /** The flow to show first (see App). */
  initialFlow?: string | null;
}

const STATIC: PanelStatus = { paused: false, preserve: false, connection: 'static' };

/**
 * <App/> plus everything that moves traces in and out: Import (picker and drag-and-drop, in a
 * worker, all-or-nothing), the imported source shown apart from live capture, and the Export
 * menu. Shared by the DevTools panel and the viewer page.
 */
export function Workspace({ live, theme = 'auto', viewerUrl, io = DOM_IO, importSettings, fragment, empty, toolbarStart, now, heading, initialFlow }: WorkspaceProps) {
  const [imported, setImported] = useState<ImportedTrace | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [shownFlow, setShownFlow] = useState<string | null>(null);
  const [menu, setMenu] = useState(false);
  const [scope, setScope] = useState<ExportScope>('flow');
  const fileInput = useRef<HTMLInputElement>(null);

  const importer = useImport((trace) => {
    setImported(trace);
    setMessage(trace.analysis.flows.length ? null : { tone: 'warn', text: `${trace.name}: read ${trace.events.length} events, but none belongs to an OAuth or OpenID Connect login.` });
  }, importSettings);
  const drop = useFileDrop(
    (file) => importer.importFile(file),
    () => setMessage({ tone: 'error', text: 'Drop one file at a time: a trace (.json) or a HAR (.har).' }),
  );

  useEffect(() => {
    if (fragment && /[#&]trace=/.test(fragment.startsWith('#') ? fragment : `#${fragment}`)) importer.importFragment(fragment);
    // Only a new fragment re-imports; the importer object changes every render.
  }, [fragment]); // eslint-disable-line react-hooks/exhaustive-deps

  const data = imported ? { events: imported.events, analysis: imported.analysis } : (live?.data ?? EMPTY_DATA);
  const flow = data.analysis.flows.find((f) => f.id === shownFlow) ?? null;
  const exporter = useExport({ data, flow, scope, viewerUrl, io, onMessage: setMessage });
  const closeMenu = useCallback(() => setMenu(false), []);

  const openPicker = () => fileInput.current?.click();
  const status: PanelStatus = imported ? { ...STATIC, source: `imported: ${imported.name}` } : (live?.status ?? STATIC);
  const actions: PanelActions = {
    // Live controls act on the capture; with an import on screen they would act out of sight.
    ...(imported ? {} : (live?.actions ?? {})),
    onImport: openPicker,
    // Kept enabled while an export runs (a disabled button would drop the focus it got back from the menu).
    ...(data.events.length ? { onExport: () => !exporter.busy && setMenu((m) => !m) } : {}),
  };

  const banner = (
    <>
      {imported ? <ImportedBar trace={imported} live={live !== null} onClose={() => setImported(null)} /> : null}
      {importer.job ? <ImportBanner name={importer.job.name} progress={importer.job.progress} onCancel={importer.cancel} /> : null}
      {importer.error ? <MessageBar message={{ tone: 'error', text: importer.error, nothing: true }} onDismiss={importer.dismiss} /> : null}
      {exporter.busy ? <MessageBar message={{ tone: 'info', text: exporter.busy }} /> : null}
      {message ? <MessageBar message={message} onDismiss={() => setMessage(null)} /> : null}
    </>
  );

  const overlay = (
    <>
      <input
        ref={fileInput}
        type="file"
        class="ol-file-input"
        accept=".json,.har,application/json"
        aria-label="Import a trace or HAR file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // choosing the same file again imports it again
          if (file) importer.importFile(file);
        }}
      />
      {menu ? (
        <ExportMenu
          flowLabel={flow ? (flow.clientId ?? flow.id) : null}
          flowCount={data.analysis.flows.length}
          scope={scope}
          onScope={setScope}
          onClose={closeMenu}
          onPick={(action) => {
            setMenu(false);
            exporter.run(action);
          }}
        />
      ) : null}
      {exporter.confirming ? (
        <ConfirmDialog title="Export without redaction?" confirmLabel="Export unredacted" onConfirm={exporter.confirm} onCancel={exporter.cancelConfirm}>
          <p>
            This file will hold the <strong>live</strong> authorization codes, access, refresh and ID tokens, client secrets, PKCE verifiers, passwords and cookies
            exactly as captured. Anyone who gets it can use them until they expire.
          </p>
          <p>Keep it on this machine. To share a flow, use a redacted export: equal values keep equal tags, so state and code comparisons still show.</p>
        </ConfirmDialog>
      ) : null}
      {exporter.manual ? (
        <div class="ol-backdrop">
          <div class="ol-dialog" role="dialog" aria-modal="true" aria-label={exporter.manual.title}>
            <h2>{exporter.manual.title}</h2>
            <p>The clipboard is not available here; select the text and copy it.</p>
            <textarea class="ol-copy-area" readOnly value={exporter.manual.text} onFocus={(e) => e.currentTarget.select()} />
            <div class="ol-dialog-buttons">
              <button type="button" class="ol-button" onClick={exporter.closeManual}>
                Close
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {drop.dragging ? (
        <div class="ol-drop" aria-hidden="true">
          Drop a trace or HAR file to import it
        </div>
      ) : null}
    </>
  );

  const importedEmpty = imported ? (
    <div class="ol-empty" role="status">
      <h2>No OAuth flows in {imported.name}</h2>
      <p>The file was read ({imported.events.length} events), but no request in it belongs to an OAuth 2.0 or OpenID Connect login.</p>
    </div>
  ) : null;

  return (
    <div class="ol-workspace" {...drop.handlers}>
      <App
        data={data}
        status={status}
        actions={actions}
        theme={theme}
        banner={banner}
        overlay={overlay}
        empty={importedEmpty ?? empty?.({ picker: openPicker, link: importer.importFragment })}
        toolbarStart={toolbarStart}
        standalone={live === null}
        exportOpen={menu}
        onShownFlow={setShownFlow}
        {...(heading !== undefined ? { heading } : {})}
        {...(initialFlow ? { initialFlow } : {})}
        {...(now !== undefined ? { now } : {})}
      />
    </div>
  );
}
