import { Icon } from './Icon';
import type { Message } from './view-models/ui-types';
import { megabytes, type ImportedTrace, type ImportProgress } from '../lib/trace/import-core';


const KIND: Record<ImportedTrace['kind'], string> = { trace: 'trace v1', har: 'HAR', link: 'share link' };

/** The imported source, apart from live capture, with the way back. */
export function ImportedBar({ trace, live, onClose }: { trace: ImportedTrace; live: boolean; onClose(): void }) {
  return (
    <div class="ol-bar ol-bar-source" role="region" aria-label="Imported trace">
      <Icon name="import" />
      <strong>Imported</strong>
      <span class="ol-mono ol-bar-name" title={trace.name}>
        {trace.name}
      </span>
      <span class="ol-dim">
        {KIND[trace.kind]} · {trace.events.length} events · {trace.kind === 'link' ? '' : `${megabytes(trace.bytes)} · `}
        {trace.redacted ? 'redacted' : 'not redacted'}
      </span>
      <span class="ol-spacer" />
      <button type="button" class="ol-button" onClick={onClose}>
        {live ? 'Close — back to live capture' : 'Close'}
      </button>
    </div>
  );
}

const PHASE: Record<ImportProgress['phase'], string> = { reading: 'Reading', parsing: 'Checking', analyzing: 'Analysing' };

export function ImportBanner({ name, progress, onCancel }: { name: string; progress: ImportProgress | null; onCancel(): void }) {
  const reading = progress?.phase === 'reading' && progress.total > 0;
  const percent = reading ? Math.round((progress.loaded / progress.total) * 100) : null;
  const label = `${progress ? PHASE[progress.phase] : 'Opening'} ${name}${percent !== null ? ` — ${percent}% of ${megabytes(progress!.total)}` : '…'}`;
  return (
    <div class="ol-bar ol-bar-progress" role="status">
      <span class="ol-bar-name">{label}</span>
      <progress
        class="ol-progress"
        aria-label={`Importing ${name}`}
        max={100}
        {...(percent !== null ? { value: progress?.phase === 'reading' ? percent : 100 } : {})}
      />
      <button type="button" class="ol-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function MessageBar({ message, onDismiss }: { message: Message; onDismiss?: () => void }) {
  const icon = message.tone === 'error' ? 'error' : message.tone === 'warn' ? 'warning' : message.tone === 'ok' ? 'success' : 'info';
  return (
    <div class={`ol-bar ol-bar-${message.tone}`} role={message.tone === 'error' || message.tone === 'warn' ? 'alert' : 'status'}>
      <Icon name={icon} />
      <span class="ol-bar-text">
        {message.nothing ? <strong>Import refused: </strong> : null}
        {message.text}
        {message.nothing ? `${/[.!?]$/.test(message.text) ? '' : '.'} Nothing was imported.` : null}
      </span>
      {message.action ? (
        <button type="button" class="ol-button" onClick={message.action.run}>
          {message.action.label}
        </button>
      ) : null}
      {onDismiss ? (
        <button type="button" class="ol-tool" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
}
