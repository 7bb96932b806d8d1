/**
 * Bounds of the capture store. `storage.session` holds 10 MiB in Chrome
 * (the session storage quota, QUOTA_BYTES, counted as JSON), and everything kept there is written
 * again on each flush, so the global cap stays below the quota with room for the key names.
 */
import type { PendingBodyLimits } from './pending-bodies';

export interface CaptureLimits extends PendingBodyLimits {
  maxEventsPerTab: number;
  /** Approximate bytes: the JSON length of the events. */
  maxBytesPerTab: number;
  maxBytesTotal: number;
  /** Eviction frees down to this fraction of a cap, so it does not run again on the next event. */
  evictTo: number;
  /** A closed tab's events stay this long (a popup closes right after its callback). */
  closedTabGraceMs: number;
  /**
   * How long an origin keeps "taking part in a flow" after the tab's last OAuth-shaped request;
   * the correlation window of docs/architecture.md "Correlating flows" step 7.
   */
  flowWindowMs: number;
}

export const DEFAULT_LIMITS: CaptureLimits = {
  maxEventsPerTab: 5000,
  maxBytesPerTab: 6 * 1024 * 1024,
  maxBytesTotal: 8 * 1024 * 1024,
  evictTo: 0.9,
  closedTabGraceMs: 5 * 60_000,
  flowWindowMs: 15 * 60_000,
  maxPendingBodies: 32,
  maxPendingBodyChars: 2 * 1024 * 1024,
  pendingBodyTtlMs: 60_000,
  bodyMatchWindowMs: 5_000,
};
