import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type VirtualItem } from '@tanstack/virtual-core';
import { useLayoutEffect, useMemo, useReducer, useRef } from 'preact/hooks';

type RectObserver = typeof observeElementRect<HTMLDivElement>;

/**
 * When layout is not available (a DOM without layout, such as happy-dom in tests) the scroll
 * element measures 0 px; fall back to a viewport-sized window so rows still render.
 */
const observeRectWithFallback: RectObserver = (instance, cb) =>
  observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 800, height: 720 }));

export interface VirtualList {
  scrollRef: { current: HTMLDivElement | null };
  items: VirtualItem[];
  totalSize: number;
  scrollToIndex(index: number): void;
}

/** @tanstack/virtual-core bound to Preact: fixed-height rows, only the visible window renders. */
export function useVirtualList(count: number, rowHeight: number, overscan = 12): VirtualList {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    observeElementRect: observeRectWithFallback,
    observeElementOffset,
    scrollToFn: elementScroll,
    initialRect: { width: 800, height: 720 },
    onChange: () => rerender(0),
  };
  const virtualizer = useMemo(() => new Virtualizer<HTMLDivElement, Element>(options), []);
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return {
    scrollRef,
    items: virtualizer.getVirtualItems(),
    totalSize: virtualizer.getTotalSize(),
    scrollToIndex: (index) => {
      if (index >= 0 && index < count) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
  };
}
