import type { CapturedEvent, FoldingRecorder, RequestEvent } from '../../model/event';
import type { Flow } from '../../model/flow';
import { originOf } from '../../flow/params';

/** How a folding recorder is named in messages. */
const RECORDER_NAMES: Record<FoldingRecorder, string> = {
  safari: "Safari's Web Inspector",
};

export function recorderName(recorder: FoldingRecorder): string {
  return RECORDER_NAMES[recorder];
}

/** The recorder that folded redirect chains into single entries for this flow's events, or null (lib/trace/har-recorder-quirks.ts). */
export function foldingRecorder(flow: Flow): FoldingRecorder | null {
  for (const step of flow.steps) if (step.event?.redirectsFoldedBy) return step.event.redirectsFoldedBy;
  return null;
}

/**
 * In a HAR that folds redirect chains, a flow with no callback whose tab later loads a top-level
 * document on the redirect_uri's origin most likely passed its callback inside that folded chain
 * (login → 302 callback → 302 app page is one entry at the app page). The first such request, or null.
 */
export function returnThroughFoldedChain(flow: Flow, events: readonly CapturedEvent[]): RequestEvent | null {
  const start = flow.authorize ? flow.steps[flow.authorize.step] : undefined;
  if (flow.callback || !start?.event?.redirectsFoldedBy || !flow.redirectUri) return null;
  const appOrigin = originOf(flow.redirectUri);
  if (!appOrigin) return null;
  const back = events.filter(
    (e): e is RequestEvent =>
      e.kind === 'request' && e.redirectsFoldedBy !== undefined && e.tabId === start.tabId && e.frameId === start.frameId && e.type === start.event!.type && e.startTime > start.time && originOf(e.url) === appOrigin,
  );
  return back.reduce<RequestEvent | null>((first, e) => (first === null || e.startTime < first.startTime ? e : first), null);
}
