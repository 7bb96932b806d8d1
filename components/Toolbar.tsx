import type { ComponentChildren, RefObject } from 'preact';
import { Icon } from './Icon';
import type { FlowFilter } from './view-models/flow-view';

export interface ToolbarProps {
  filter: FlowFilter;
  onFilter(filter: FlowFilter): void;
  clients: string[];
  paused: boolean;
  preserve: boolean;
  onPause?(paused: boolean): void;
  onPreserve?(preserve: boolean): void;
  onClear?(): void;
  onExport?(): void;
  onImport?(): void;
  onFetchMetadata?(): void;
  /** Discovery URLs "Fetch issuer metadata" would contact; empty disables it. */
  metadataUrls?: string[];
  filterRef: RefObject<HTMLInputElement | null>;
  start?: ComponentChildren;
  /** The viewer: no live capture, so no record, clear or preserve. */
  standalone?: boolean;
  exportOpen?: boolean;
}

/** The strip above the panel, laid out like the Network panel's: record, clear, options, filter. */
export function Toolbar(props: ToolbarProps) {
  const { filter, onFilter } = props;
  return (
    <div class="ol-toolbar" role="toolbar" aria-label="OAuth Lens controls">
      {props.start}
      {props.standalone ? null : <LiveControls {...props} />}
      <div class="ol-filter">
        <Icon name="filter" />
        <input
          ref={props.filterRef}
          type="search"
          placeholder="Filter"
          aria-label="Filter flows (press / to focus)"
          value={filter.text}
          onInput={(e) => onFilter({ ...filter, text: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              onFilter({ ...filter, text: '' });
              e.currentTarget.blur();
            }
          }}
        />
        <kbd class="ol-kbd" aria-hidden="true">/</kbd>
      </div>
      <label class="ol-check">
        <input type="checkbox" checked={filter.onlyFailing} onChange={(e) => onFilter({ ...filter, onlyFailing: e.currentTarget.checked })} />
        Only failing
      </label>
      <select
        class="ol-select"
        aria-label="Client"
        value={filter.clientId ?? ''}
        onChange={(e) => onFilter({ ...filter, clientId: e.currentTarget.value || null })}
      >
        <option value="">All clients</option>
        {props.clients.map((c) => (
          <option key={c} value={c}>
            {c.length > 40 ? `${c.slice(0, 39)}…` : c}
          </option>
        ))}
      </select>
      <span class="ol-spacer" />
      <button type="button" class="ol-tool ol-tool-text" disabled={!props.onImport} onClick={() => props.onImport?.()} title="Import a trace or HAR file">
        <Icon name="import" /> Import
      </button>
      <button type="button" class="ol-tool ol-tool-text" disabled={!props.onExport} onClick={() => props.onExport?.()} title="Export or share (redacted by default)" aria-haspopup="menu" aria-expanded={props.exportOpen ?? false}>
        <Icon name="export" /> Export
      </button>
    </div>
  );
}

function LiveControls(props: ToolbarProps) {
  const { paused } = props;
  return (
    <>
      <button
        type="button"
        class={`ol-tool ${paused ? '' : 'ol-recording'}`}
        title={paused ? 'Resume recording' : 'Pause recording'}
        aria-pressed={!paused}
        aria-label={paused ? 'Resume recording' : 'Pause recording'}
        disabled={!props.onPause}
        onClick={() => props.onPause?.(!paused)}
      >
        <Icon name="record" />
      </button>
      <button type="button" class="ol-tool" title="Clear" aria-label="Clear" disabled={!props.onClear} onClick={() => props.onClear?.()}>
        <Icon name="clear" />
      </button>
      <span class="ol-sep" />
      <label class="ol-check" title="Keep flows when the page navigates or reloads">
        <input type="checkbox" checked={props.preserve} disabled={!props.onPreserve} onChange={(e) => props.onPreserve?.(e.currentTarget.checked)} />
        Preserve log
      </label>
      <span class="ol-sep" />
      <FetchMetadataButton {...props} />
    </>
  );
}

/** Opt-in network access, only to the flows' own issuers; the tooltip names every URL it contacts. */
function FetchMetadataButton(props: ToolbarProps) {
  const urls = props.metadataUrls ?? [];
  const enabled = Boolean(props.onFetchMetadata) && urls.length > 0;
  const title = urls.length
    ? `Fetches ${urls.join(', ')} and ${urls.length > 1 ? 'their' : 'its'} JWKS for flows without captured metadata; nothing else is contacted`
    : 'No flow with an issuer lacks its discovery document; nothing to fetch';
  return (
    <>
      <button type="button" class="ol-tool ol-tool-text" title={title} disabled={!enabled} onClick={() => props.onFetchMetadata?.()}>
        Fetch issuer metadata
      </button>
      <span class="ol-sep" />
    </>
  );
}
