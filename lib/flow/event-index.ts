import type { CapturedEvent, RequestEvent } from '../model/event';
import type { AnalysisContext } from '../model/analysis-context';
import { originOf } from './params';

/**
 * Indexes over the whole capture, built once per analysis and shared by every check.
 *
 * Checks that look beyond their own flow (Referer leaks, cookies, popups, framing) used to scan
 * `ctx.analysis.events` once per flow and parse the same URLs again in every check: O(flows ×
 * events) URL parses, which made a 10k-entry HAR spend most of its analysis in a few checks
 * (bench/analyze.ts). The index turns those scans into sorted slices and cached lookups.
 *
 * It is keyed on the AnalysisContext object (one per `analyzeEvents` call), whose `events` are
 * read-only by contract, so the cache can never outlive the data it describes.
 */
export interface EventIndex {
  /** Request events in capture order. */
  readonly requests: readonly RequestEvent[];
  /** Request events sorted by `startTime` (stable: ties keep capture order). */
  readonly requestsByStart: readonly RequestEvent[];
  /** Request events with `startTime >= from`, in time order — same as filtering then sorting. */
  requestsAfter(from: number): RequestEvent[];
  /** Every event of one tab, in capture order. */
  eventsOfTab(tabId: number): readonly CapturedEvent[];
  /** `originOf(url)`, parsed once per distinct URL for the whole analysis. */
  origin(url: string): string | null;
  /** A value computed once per analysis (e.g. a check's capture-wide table), under a unique key. */
  memo<T>(key: string, build: () => T): T;
}

const cache = new WeakMap<AnalysisContext, EventIndex>();

/** The shared index of this analysis (built on first use). */
export function eventIndex(analysis: AnalysisContext): EventIndex {
  let index = cache.get(analysis);
  if (!index) {
    index = buildEventIndex(analysis.events);
    cache.set(analysis, index);
  }
  return index;
}

/** First position in `sorted` whose startTime is >= from (binary search). */
function lowerBound(sorted: readonly RequestEvent[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startTime >= from) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function buildEventIndex(events: readonly CapturedEvent[]): EventIndex {
  const requests = events.filter((e): e is RequestEvent => e.kind === 'request');
  let byStart: RequestEvent[] | null = null;
  let byTab: Map<number, CapturedEvent[]> | null = null;
  const origins = new Map<string, string | null>();
  const memos = new Map<string, unknown>();
  const sortedRequests = () => (byStart ??= [...requests].sort((a, b) => a.startTime - b.startTime));
  return {
    requests,
    get requestsByStart() {
      return sortedRequests();
    },
    requestsAfter(from) {
      const sorted = sortedRequests();
      // NaN compares false everywhere: nothing is "after" it, as with a filter.
      if (Number.isNaN(from)) return [];
      return sorted.slice(lowerBound(sorted, from)).filter((e) => e.startTime >= from);
    },
    eventsOfTab(tabId) {
      if (!byTab) {
        byTab = new Map();
        for (const e of events) {
          const list = byTab.get(e.tabId);
          if (list) list.push(e);
          else byTab.set(e.tabId, [e]);
        }
      }
      return byTab.get(tabId) ?? [];
    },
    origin(url) {
      let origin = origins.get(url);
      if (origin === undefined) {
        origin = originOf(url);
        origins.set(url, origin);
      }
      return origin;
    },
    memo<T>(key: string, build: () => T): T {
      if (!memos.has(key)) memos.set(key, build());
      return memos.get(key) as T;
    },
  };
}
