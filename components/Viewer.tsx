import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DiffView } from './DiffView';
import type { FileIo } from './platform/file-io';
import type { ImportedTrace } from '../lib/trace/import-core';
import { ImportBanner, MessageBar } from './ImportBars';
import type { ThemeName } from './view-models/panel-types';
import { useFileDrop } from './hooks/use-file-drop';
import { useImport, type ImportSettings } from './hooks/use-import';
import { Workspace } from './Workspace';

export interface ViewerProps {
  viewerUrl: string | null;
  /** location.hash: a share link's `#trace=…` opens at once. */
  fragment: string | null;
  theme?: ThemeName;
  io?: FileIo;
  importSettings?: ImportSettings;
  now?: number;
}

type Mode = 'view' | 'diff';

/** The standalone viewer page: a trace, HAR or share link in the same panel UI, and a Diff mode. */
export function Viewer({ viewerUrl, fragment, theme = 'auto', io, importSettings, now }: ViewerProps) {
  const [mode, setMode] = useState<Mode>('view');
  const switcher = <ModeSwitch mode={mode} onMode={setMode} />;
  return (
    <>
      <div class="ol-viewer-mode" hidden={mode !== 'view'}>
        <Workspace
          live={null}
          theme={theme}
          viewerUrl={viewerUrl}
          fragment={fragment}
          toolbarStart={switcher}
          heading="OAuth Lens viewer"
          empty={(open) => <ViewerEmpty onImport={open.picker} onLink={open.link} />}
          {...(io ? { io } : {})}
          {...(importSettings ? { importSettings } : {})}
          {...(now !== undefined ? { now } : {})}
        />
      </div>
      <div class="ol-viewer-mode" hidden={mode !== 'diff'}>
        <DiffPage switcher={switcher} theme={theme} importSettings={importSettings ?? {}} />
      </div>
    </>
  );
}

function ModeSwitch({ mode, onMode }: { mode: Mode; onMode(mode: Mode): void }) {
  return (
    <div class="ol-segmented" role="tablist" aria-label="Viewer mode">
      {(['view', 'diff'] as const).map((m) => (
        <button key={m} type="button" role="tab" aria-selected={mode === m} class={mode === m ? 'ol-seg-on' : ''} onClick={() => onMode(m)}>
          {m === 'view' ? 'View' : 'Diff'}
        </button>
      ))}
      <span class="ol-sep" />
    </div>
  );
}

function ViewerEmpty({ onImport, onLink }: { onImport(): void; onLink(url: string): void }) {
  const [link, setLink] = useState('');
  return (
    <div class="ol-empty" role="status">
      <h2>Open an OAuth Lens trace</h2>
      <p>Drop a trace (.json) or a HAR file (Chrome or Firefox export) anywhere on this page, or</p>
      <p>
        <button type="button" class="ol-button ol-button-primary" onClick={onImport}>
          Choose a file…
        </button>
      </p>
      {/* Extension ids differ between installs (always in Firefox), so a teammate's link may point
          at another id: its #trace=… fragment opens here when pasted. */}
      <form
        class="ol-diff-link ol-empty-link"
        onSubmit={(e) => {
          e.preventDefault();
          if (link.trim()) onLink(link.trim());
        }}
      >
        <input type="text" class="ol-input" placeholder="…or paste a share link (…viewer.html#trace=…)" aria-label="Share link" value={link} onInput={(e) => setLink(e.currentTarget.value)} />
        <button type="submit" class="ol-button" disabled={!link.trim()}>
          Open link
        </button>
      </form>
      <p class="ol-dim">Files and links are read in this page only; nothing is uploaded.</p>
    </div>
  );
}

function DiffPage({ switcher, theme, importSettings }: { switcher: ComponentChildren; theme: ThemeName; importSettings: ImportSettings }) {
  const [left, setLeft] = useState<ImportedTrace | null>(null);
  const [right, setRight] = useState<ImportedTrace | null>(null);
  return (
    <main class={`ol-app ol-theme-${theme}`}>
      <h1 class="ol-visually-hidden">OAuth Lens viewer: compare two traces</h1>
      <div class="ol-toolbar" role="toolbar" aria-label="Diff controls">
        {switcher}
        <span class="ol-dim">Compare a working and a failing trace: parameters, redirect_uri, scopes, steps reached, findings.</span>
      </div>
      <div class="ol-diff-slots">
        <DiffSlot side="Working" trace={left} onLoad={setLeft} settings={importSettings} />
        <DiffSlot side="Failing" trace={right} onLoad={setRight} settings={importSettings} />
      </div>
      <div class="ol-scroll ol-diff-scroll">
        {left && right ? (
          <DiffView left={left} right={right} />
        ) : (
          <p class="ol-pad ol-dim">Load both traces to see where the flows differ.</p>
        )}
      </div>
    </main>
  );
}

function DiffSlot({ side, trace, onLoad, settings }: { side: string; trace: ImportedTrace | null; onLoad(t: ImportedTrace): void; settings: ImportSettings }) {
  const importer = useImport(onLoad, settings);
  const drop = useFileDrop(importer.importFile);
  const [link, setLink] = useState('');
  const flows = trace?.analysis.flows ?? [];
  const failed = flows.filter((f) => f.outcome === 'failed').length;
  return (
    <section class={`ol-diff-slot${drop.dragging ? ' ol-dragging' : ''}`} aria-label={`${side} trace`} {...drop.handlers}>
      <div class="ol-diff-slot-head">
        <strong>{side}</strong>
        {trace ? (
          <span class="ol-mono ol-bar-name" title={trace.name}>
            {trace.name}
          </span>
        ) : (
          <span class="ol-dim">drop a file here, or</span>
        )}
        <label class="ol-button">
          Choose…
          <input
            type="file"
            class="ol-file-input"
            accept=".json,.har,application/json"
            aria-label={`${side} trace file`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) importer.importFile(file);
            }}
          />
        </label>
      </div>
      <form
        class="ol-diff-link"
        onSubmit={(e) => {
          e.preventDefault();
          if (link.trim()) importer.importFragment(link.trim());
        }}
      >
        <input type="url" class="ol-input" placeholder="…or paste a share link" aria-label={`${side} share link`} value={link} onInput={(e) => setLink(e.currentTarget.value)} />
        <button type="submit" class="ol-button" disabled={!link.trim()}>
          Open
        </button>
      </form>
      {trace ? (
        <p class="ol-diff-slot-sum ol-dim">
          {flows.length} flow(s){failed ? `, ${failed} failed` : ''} · {trace.events.length} events · {trace.redacted ? 'redacted' : 'not redacted'}
        </p>
      ) : null}
      {importer.job ? <ImportBanner name={importer.job.name} progress={importer.job.progress} onCancel={importer.cancel} /> : null}
      {importer.error ? <MessageBar message={{ tone: 'error', text: importer.error, nothing: true }} onDismiss={importer.dismiss} /> : null}
    </section>
  );
}
