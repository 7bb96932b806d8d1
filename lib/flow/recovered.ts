import type { CapturedEvent, RequestEvent } from '../model/event';
import type { RecoveredFrom } from '../model/flow';
import { withContinuedChains } from './continued';
import { PAGE_ONLY_NOTE, withoutReplacedPageOnly } from './page-only';

/**
 * Answers the browser never reported, as the analysis reads them (issue 17 point 6; how they are
 * read back: lib/capture/recovery.ts). Two kinds:
 * - a status read from the page (Navigation Timing for a document, Resource Timing for a fetch),
 *   stored on the hop as `recovered`;
 * - a redirect implied by the chain: a later hop of the same request (same requestId) proves the
 *   hop before it was answered with a redirect to that URL; which 3xx, and its headers, are unknown.
 * - a hop whose start (onBeforeRequest) was lost, rebuilt from its later events (`startLost`);
 * - a redirect implied by the navigation: the page shows it went on to another document, so the
 *   last reported hop of its chain left without an answer was a redirect, and a hop that hop was
 *   reported redirecting to was requested (lib/flow/continued.ts);
 * - a hop the browser reported nothing of, seen by the page only (`seenByPageOnly`,
 *   lib/flow/page-only.ts): URL, status and times from the page, method, headers and bodies unknown.
 * The step says so (`recovered` and a note), in the panel, the report and every export.
 */

/**
 * Events as the analysis reads them: a hop without its own status takes the recovered one; a hop
 * with its own answer drops the recovered one; a hop seen by the page only that the browser did
 * report after all is dropped.
 */
export function withRecoveredAnswers(captured: readonly CapturedEvent[]): CapturedEvent[] {
  const events = withContinuedChains(withoutReplacedPageOnly(captured));
  if (!events.some((e) => e.kind === 'request' && e.recovered)) return events;
  return events.map((e) => {
    if (e.kind !== 'request' || !e.recovered) return e;
    if (e.status !== undefined) {
      const { recovered: _dropped, ...own } = e;
      return own;
    }
    return { ...e, status: e.recovered.status };
  });
}

const unanswered = (e: RequestEvent) => e.status === undefined && e.endTime === undefined && e.error === undefined && e.redirectUrl === undefined;

/**
 * How this hop's answer was recovered, if it was (`next`: the next hop of its redirect chain);
 * else `later-events` when its start was rebuilt from its later events (lib/capture/recorder.ts).
 */
export function recoveredFrom(event: RequestEvent, next: RequestEvent | null): RecoveredFrom | undefined {
  if (event.recovered) return event.recovered.from;
  if ((next || event.redirectedOn) && unanswered(event)) return 'redirect-chain';
  if (event.startLost) return 'later-events';
  return undefined;
}

/** What the step says about it: how its answer was recovered, and that its start was rebuilt. */
export function recoveredNotes(event: RequestEvent, from: RecoveredFrom): string {
  if (event.seenByPageOnly) return PAGE_ONLY_NOTE;
  if (event.announced) return ANNOUNCED_NOTE;
  if (event.redirectedOn && from === 'redirect-chain') return event.startLost ? `${CONTINUED_NOTE}; ${NOTES['later-events']}` : CONTINUED_NOTE;
  return from !== 'later-events' && event.startLost ? `${NOTES[from]}; ${NOTES['later-events']}` : NOTES[from];
}

const NOTES: Record<RecoveredFrom, string> = {
  'navigation-timing':
    "answer recovered from the page's Navigation Timing: the browser never reported this response to the extension (its background was stopped); the status only, no headers",
  'resource-timing':
    "answer recovered from the page's Resource Timing: the browser never reported this response to the extension (its background was stopped); the status only, no headers or body",
  'later-events':
    "request rebuilt from its later events: the browser never reported this request's start to the extension (its background was stopped), so its request body is unknown and its time is that of its first later event",
  'redirect-chain':
    'answer recovered from the redirect chain: the browser never reported this response, but the next request of the same chain shows it redirected there; which 3xx status, and its headers, are unknown',
};

/** A hop whose navigation the page shows went on (lib/flow/continued.ts). */
export const CONTINUED_NOTE =
  "answer recovered from the navigation: the browser never reported this response (its background was stopped), but the page shows the navigation went on to another document, so it was a redirect; which 3xx, where to, and its headers are unknown";

/** A hop known only from the redirect of the hop before it (lib/flow/continued.ts). */
export const ANNOUNCED_NOTE =
  "request known only from the hop before it: the browser reported that hop redirecting here and nothing of this request (its background was stopped); its method follows from that redirect's status, and the page shows the navigation went on, so it was a redirect too; which 3xx, where to, its headers and bodies are unknown, as are any hops between it and the next document";

export function recoveredNote(from: RecoveredFrom): string {
  return NOTES[from];
}
