import type { PopupRow } from '../lib/model/popup-state';
import { Icon } from './Icon';

export interface PopupActions {
  /** Opens the flow in the full panel page (a tab of its own). */
  onOpenFlow(id: string): void;
  onPause(paused: boolean): void;
  onClear(): void;
  /** Absent while the build has no options page. */
  onOptions?(): void;
  onCatalog(): void;
  onWelcome(): void;
}

export interface PopupProps {
  /** null: no tab to show (e.g. a browser page). */
  tabId: number | null;
  rows: readonly PopupRow[];
  paused: boolean;
  /** Still waiting for the background's first answer. */
  loading: boolean;
  /** The background could not answer (one line). */
  error?: string | null;
  actions: PopupActions;
}

/**
 * The toolbar popup: the flows of the current tab, one line each (outcome in words, client,
 * provider, first error), each opening that flow in the panel page; pause/resume and clear for
 * this tab; the way to the DevTools panel, the options, the check catalog and the welcome page.
 */
export function Popup({ tabId, rows, paused, loading, error = null, actions }: PopupProps) {
  const failed = rows.filter((r) => r.outcome === 'failed').length;
  return (
    <main class="ol-page ol-popup ol-theme-auto">
      <header class="ol-popup-head">
        <h1>OAuth Lens</h1>
        {tabId !== null ? (
          <div class="ol-popup-controls">
            <button type="button" class="ol-button" aria-pressed={paused} onClick={() => actions.onPause(!paused)}>
              {paused ? 'Resume capture' : 'Pause capture'}
            </button>
            <button type="button" class="ol-button" disabled={rows.length === 0} onClick={actions.onClear}>
              Clear this tab
            </button>
          </div>
        ) : null}
      </header>
      <p class="ol-popup-status" role="status" aria-live="polite">
        {loading
          ? 'Reading this tab…'
          : tabId === null
            ? 'No web page in this tab.'
            : error
            ? `Could not read this tab: ${error}`
            : `${rows.length ? `${rows.length} flow${rows.length === 1 ? '' : 's'} in this tab${failed ? `, ${failed} failed` : ''}` : 'No OAuth flows in this tab yet.'}${paused ? ' Capture is paused.' : ''}`}
      </p>
      {rows.length ? (
        <ul class="ol-popup-flows" aria-label="Flows in this tab, newest first">
          {rows.map((row) => (
            <li key={row.id}>
              <button type="button" class={`ol-popup-row ol-outcome-${row.outcome}`} title="Open this flow in the OAuth Lens panel (new tab)" onClick={() => actions.onOpenFlow(row.id)}>
                <span class={`ol-outcome-text ol-outcome-${row.outcome} ol-popup-outcome`}>
                  <Icon name={row.outcome} />
                  {row.outcomeText}
                </span>
                <span class="ol-mono ol-popup-client">{row.client}</span>
                <span class="ol-popup-provider" title={row.provider}>
                  {row.provider}
                </span>
                <span class="ol-popup-error" title={row.firstError ?? undefined}>
                  {row.firstError ?? '—'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : tabId !== null && !loading ? (
        <p class="ol-popup-empty">Log in on the page: capture runs whether DevTools is open or not.</p>
      ) : null}
      <p class="ol-popup-hint">
        Every detail, live: open DevTools (F12) on this page and pick the <strong>OAuth Lens</strong> panel (it may be behind <strong>»</strong>).
      </p>
      <nav class="ol-popup-links" aria-label="More">
        {actions.onOptions ? (
          <button type="button" class="ol-link" onClick={actions.onOptions}>
            Options
          </button>
        ) : null}
        <button type="button" class="ol-link" onClick={actions.onCatalog}>
          Check catalog
        </button>
        <button type="button" class="ol-link" onClick={actions.onWelcome}>
          Getting started
        </button>
      </nav>
    </main>
  );
}
