import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useRestoreFocus } from './hooks/use-restore-focus';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal question. Focus starts on Cancel, so Enter alone never confirms something risky. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useRestoreFocus<HTMLDivElement>();
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="ol-backdrop">
      <div
        class="ol-dialog"
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="ol-dialog-title"
        aria-describedby="ol-dialog-body"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      >
        <h2 id="ol-dialog-title">{title}</h2>
        <div id="ol-dialog-body">{children}</div>
        <div class="ol-dialog-buttons">
          <button type="button" class="ol-button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" class="ol-button ol-button-danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
