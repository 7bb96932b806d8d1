/** What to do when nothing was captured yet. */
export function EmptyState({ paused, onImport }: { paused: boolean; onImport?: () => void }) {
  return (
    <div class="ol-empty" role="status">
      <svg class="ol-empty-art" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true">
        <circle cx="26" cy="26" r="17" fill="none" stroke="currentColor" stroke-width="4" />
        <path d="M38.5 38.5 56 56" stroke="currentColor" stroke-width="6" stroke-linecap="round" />
        <path d="M18 26h16M26 18v16" stroke="currentColor" stroke-width="3" stroke-linecap="round" opacity=".55" />
      </svg>
      <h2>No OAuth flows recorded yet</h2>
      <p>Start a login in this tab — OAuth Lens records authorize, callback and token requests while this panel is open or closed.</p>
      {paused ? <p class="ol-sev-warning">Recording is paused. Press the record button to resume.</p> : null}
      <p class="ol-dim">
        Reload the page to capture a login that already ran{onImport ? ', or ' : '.'}
        {onImport ? (
          <button type="button" class="ol-link-button" onClick={onImport}>
            import a trace or HAR file
          </button>
        ) : null}
        {onImport ? '.' : null}
      </p>
    </div>
  );
}
