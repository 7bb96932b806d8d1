import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * For a menu or dialog: remembers what had focus when it opened (the button that opened it)
 * and gives focus back there when it closes — unless the user already put focus elsewhere.
 * Returns the ref for the menu or dialog element.
 */
export function useRestoreFocus<T extends HTMLElement>(): { current: T | null } {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || (ref.current?.contains(now) ?? false);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
