import { CaptureEngine } from '../lib/capture/capture';
import type { CaptureLimits } from '../lib/capture/limits';
import { feed, makeStream } from './capture';
import { figure, type Figure } from './figure';

export interface StoreSize {
  /** Captured events that entered the store (one per request hop). */
  events: number;
  /** What the store accounts for (it evicts on this). */
  storeBytes: number;
  /** JSON length of everything actually kept: the accounting must not under-count. */
  jsonBytes: number;
  kept: number;
}

/**
 * Background store bytes after `events` captured OAuth events: a stream of logins only (every
 * request passes the prefilter), fed through the real CaptureEngine with the default limits.
 */
export function storeSizeAfter(events: number, limits?: CaptureLimits): StoreSize {
  // Each request hop is four listener calls and one captured event; a little slack covers the
  // last login being cut short.
  const { items } = makeStream(events * 4 + 64, 1);
  const engine = new CaptureEngine(limits);
  let seen = 0;
  for (const item of items) {
    if (item.kind === 'beforeRequest') {
      if (seen === events) break;
      seen += 1;
    }
    feed(engine, item);
  }
  const kept = engine.eventsFor();
  return { events: seen, storeBytes: engine.store.bytes, jsonBytes: kept.reduce((n, e) => n + JSON.stringify(e).length, 0), kept: kept.length };
}

/** Bounded store: 10× the events may not cost more than 1.2× the bytes (issue 9). */
export function benchMemory(small = 10_000, large = 100_000, limits?: CaptureLimits): Figure[] {
  const a = storeSizeAfter(small, limits);
  const b = storeSizeAfter(large, limits);
  const mib = (n: number) => n / 1048576;
  return [figure(`store after ${large} events vs ${small} (${b.kept} vs ${a.kept} kept)`, mib(b.storeBytes), 'MiB', b.storeBytes / a.storeBytes, 1.2)];
}
