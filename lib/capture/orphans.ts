import type { BeforeRequestDetails } from './details';
import type { EarlyEvent } from './early-events';
import type { FoundHop, OpenRequest, ProvisionalChain } from './hop-events';
import type { TabStore } from './tab-store';

/**
 * Rebuilding a hop whose onBeforeRequest never arrived from its first later event (recorder.ts
 * `rebuildOrphans`, issue 17 point 6): the start it would have had, finding the hop once it is
 * begun, and counting what was kept.
 */

/** The onBeforeRequest a hop would have had, from its first later event (URL, method, type, tab and frame are all there). */
export function lostStart(requestId: string, first: EarlyEvent['details']): BeforeRequestDetails {
  const d: BeforeRequestDetails = {
    requestId,
    url: first.url,
    method: first.method,
    tabId: first.tabId,
    frameId: first.frameId,
    type: first.type,
    timeStamp: first.timeStamp,
  };
  for (const key of ['parentFrameId', 'initiator', 'originUrl', 'documentUrl'] as const) if (first[key] !== undefined) Object.assign(d, { [key]: first[key] });
  return d;
}

/** The latest hop of this request with this URL, in a provisional chain or stored. */
export function findHop(
  state: { store: TabStore; open: ReadonlyMap<string, OpenRequest>; provisional: ReadonlyMap<string, ProvisionalChain> },
  tabId: number,
  requestId: string,
  url: string,
): FoundHop | null {
  const chain = state.provisional.get(requestId);
  const provisional = chain?.hops.findLast((h) => h.url === url);
  if (chain && provisional) return { tabId: chain.tabId, event: provisional, committed: false };
  const events = state.store.peek(state.open.get(requestId)?.tabId ?? tabId)?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'request' && e.requestId === requestId && e.url === url) return { tabId: e.tabId, event: e, committed: true };
  }
  return null;
}

/**
 * How many rebuilt hops are stored, of the requests rebuilt (`"<tabId> <requestId>"`). A
 * provisional hop counts once its chain is kept (it redirected to something OAuth-shaped).
 */
export function keptRebuilt(store: TabStore, rebuilt: ReadonlySet<string>): number {
  let kept = 0;
  for (const key of rebuilt) {
    const [tabId, requestId] = key.split(' ') as [string, string];
    kept += (store.peek(Number(tabId))?.events ?? []).filter((e) => e.kind === 'request' && e.requestId === requestId && e.startLost).length;
  }
  return kept;
}
