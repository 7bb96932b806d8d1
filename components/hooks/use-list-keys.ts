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

/**
 * A tab list's keys (WAI-ARIA tabs, automatic activation): ArrowLeft/ArrowRight move to the
 * previous/next tab (wrapping), Home/End to the first/last; the tab is selected and focused.
 * Only the selected tab is in the Tab order (tabIndex 0, the others -1).
 */
export function tabKeyHandler(count: number, selected: number, select: (index: number) => void): (e: TargetedKeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (count === 0) return;
    const at = Math.max(0, selected);
    const next: Record<string, number> = { ArrowRight: (at + 1) % count, ArrowLeft: (at + count - 1) % count, Home: 0, End: count - 1 };
    const index = next[e.key];
    if (index === undefined) return;
    e.preventDefault();
    select(index);
    e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
  };
}
