import { useEffect } from 'preact/hooks';
import { useRestoreFocus } from './hooks/use-restore-focus';

import type { ExportAction, ExportScope } from './view-models/ui-types';

export interface ExportMenuProps {
  /** The flow on screen ("this flow" exports it), null when none is. */
  flowLabel: string | null;
  flowCount: number;
  scope: ExportScope;
  onScope(scope: ExportScope): void;
  onPick(action: ExportAction): void;
  onClose(): void;
}

const ITEMS: Array<{ action: ExportAction; label: string; hint: string }> = [
  { action: 'trace', label: 'Trace (redacted)', hint: '.json — re-opens in OAuth Lens' },
  { action: 'har', label: 'HAR 1.2 (redacted)', hint: '.har — Chrome DevTools can import it' },
  { action: 'markdown', label: 'Markdown summary → clipboard', hint: 'timeline and findings for a ticket' },
  { action: 'share', label: 'Share link → clipboard', hint: 'the trace travels in the #fragment' },
];

/** The Export menu. Every item but the last goes through redaction in lib; the last asks first. */
export function ExportMenu({ flowLabel, flowCount, scope, onScope, onPick, onClose }: ExportMenuProps) {
  // Closing (Escape, a pick) gives focus back to the Export button.
  const ref = useRestoreFocus<HTMLDivElement>();
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const onKey = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
  };

  const effective: ExportScope = flowLabel === null ? 'all' : scope;
  return (
    <div class="ol-menu" role="menu" aria-label="Export" ref={ref} onKeyDown={onKey}>
      <div class="ol-menu-scope" role="group" aria-label="What to export">
        <button
          type="button"
          role="menuitemradio"
          aria-checked={effective === 'flow'}
          disabled={flowLabel === null}
          class="ol-menu-radio"
          onClick={() => onScope('flow')}
          title={flowLabel ?? undefined}
        >
          This flow{flowLabel ? <span class="ol-dim"> · {flowLabel}</span> : null}
        </button>
        <button type="button" role="menuitemradio" aria-checked={effective === 'all'} class="ol-menu-radio" onClick={() => onScope('all')}>
          All flows <span class="ol-dim">· {flowCount}</span>
        </button>
      </div>
      {ITEMS.map((item) => (
        <button key={item.action} type="button" role="menuitem" class="ol-menu-item" onClick={() => onPick(item.action)}>
          <span>{item.label}</span>
          <span class="ol-menu-hint">{item.hint}</span>
        </button>
      ))}
      <div class="ol-menu-sep" role="separator" />
      <button type="button" role="menuitem" class="ol-menu-item ol-menu-danger" onClick={() => onPick('unredacted')}>
        <span>Unredacted trace…</span>
        <span class="ol-menu-hint">live codes, tokens and cookies — asks first</span>
      </button>
    </div>
  );
}
