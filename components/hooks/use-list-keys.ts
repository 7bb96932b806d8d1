import type { TargetedKeyboardEvent } from 'preact';

/**
 * Arrow/Home/End/PageUp/PageDown move the selection, Enter opens the selected row — the keys
 * the Network panel's request list answers to.
 */
export function listKeyHandler(
  count: number,
  selected: number,
  select: (index: number) => void,
  open?: () => void,
  page = 10,
): (e: TargetedKeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (count === 0) return;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = selected < 0 ? 0 : Math.min(count - 1, selected + 1);
        break;
      case 'ArrowUp':
        next = selected < 0 ? 0 : Math.max(0, selected - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'PageDown':
        next = Math.min(count - 1, Math.max(0, selected) + page);
        break;
      case 'PageUp':
        next = Math.max(0, selected - page);
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          open();
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    select(next);
  };
}
