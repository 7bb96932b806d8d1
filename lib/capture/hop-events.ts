import type { CapturedEvent, RequestEvent } from '../model/event';
import { applyCompleted, applyError, applyRedirect, applyResponse } from './build-event';
import type { BeforeRequestDetails, ErrorDetails, RedirectDetails, ResponseDetails, SendHeadersDetails } from './details';
import { EarlyEvents, type EarlyEvent } from './early-events';
import { selectHeaders } from './headers';
import { shapeOfUrl, type Shape } from './prefilter';
import type { TabStore } from './tab-store';

/** A kept request whose next hop (after a redirect) or updates are still expected. */
export interface OpenRequest {
  tabId: number;
  hops: number;
  /** Id of the hop in flight; undefined between onBeforeRedirect and the next onBeforeRequest. */
  current?: string;
}

/**
 * A document navigation not (yet) known to matter. Its hops stay in memory until the chain
 * either redirects to something OAuth-shaped — then the whole chain is kept, so the app's
 * `/login` hop with its `Set-Cookie` precedes the authorize request — or ends and is forgotten.
 */
export interface ProvisionalChain {
  tabId: number;
  hops: RequestEvent[];
}

/** The hop an event belongs to: stored (`committed`) or still in a provisional chain. */
export interface FoundHop {
  tabId: number;
  event: RequestEvent;
  committed: boolean;
}

/**
 * The events of a hop after its start (request headers, response headers, redirect, completion,
 * error), matched to the hop they belong to by request id and URL — also when they arrive out of
 * order (early-events.ts). The Recorder (recorder.ts) starts hops and decides which are kept;
 * this half only finds a hop and applies an event to it.
 */
export abstract class HopEvents {
  abstract readonly store: TabStore;
  protected readonly open = new Map<string, OpenRequest>();
  protected readonly provisional = new Map<string, ProvisionalChain>();
  /** Requests whose first onBeforeRequest this instance saw (kept or not). */
  protected readonly seen = new Map<string, true>();
  protected readonly early = new EarlyEvents();

  /** A request that is only recognisable by its headers (recorder.ts). */
  protected abstract bearerCall(d: SendHeadersDetails): void;
  /** A request ended: it is no longer in flight. */
  protected abstract forget(requestId: string): void;
  /** A held body's hop may now have its status (recorder.ts `attachResponseBody`). */
  protected abstract releaseHeld(requestId: string): void;
  /** A provisional chain turned out to lead somewhere OAuth-shaped: keep it. */
  protected abstract commitChain(requestId: string, chain: ProvisionalChain, shape: Shape): void;
  protected abstract noteFlow(tabId: number, event: RequestEvent, shape: Shape, chain?: readonly RequestEvent[]): void;

  sendHeaders(d: SendHeadersDetails): void {
    this.hopEvent({ kind: 'send-headers', details: d });
  }

  headersReceived(d: ResponseDetails): void {
    this.hopEvent({ kind: 'headers', details: d });
    this.releaseHeld(d.requestId);
  }

  beforeRedirect(d: RedirectDetails): void {
    this.hopEvent({ kind: 'redirect', details: d });
  }

  completed(d: ResponseDetails): void {
    this.hopEvent({ kind: 'completed', details: d });
  }

  errorOccurred(d: ErrorDetails): void {
    this.hopEvent({ kind: 'error', details: d });
  }

  /**
   * One event of a hop after its start. It belongs to the hop in flight when the URLs agree;
   * otherwise, if that hop has not begun here yet (early-events.ts: out-of-order delivery to a
   * fresh worker), it waits for it.
   */
  protected hopEvent(event: EarlyEvent): void {
    const d = event.details;
    const found = this.current(d.requestId);
    if (found && found.event.url === d.url) return this.applyHop(event, found);
    // The event of an earlier hop, arriving after the next hop began (out-of-order delivery).
    const earlier = this.unfinishedHop(d.requestId, d.url);
    if (earlier) return this.applyHop(event, earlier);
    const pending = this.open.has(d.requestId) || this.provisional.has(d.requestId);
    if (!this.seen.has(d.requestId) || pending) return this.early.hold(event);
    if (event.kind === 'send-headers') this.bearerCall(event.details);
    else if (event.kind === 'completed' || event.kind === 'error') this.forget(d.requestId);
  }

  /** Events that waited for the hop that just began: apply them, or drop them if it is not kept. */
  protected replayEarly(d: BeforeRequestDetails): void {
    const kept = this.current(d.requestId);
    const waiting = this.early.take(d.requestId, d.url);
    if (!kept || kept.event.url !== d.url) {
      for (const e of waiting) if (e.kind === 'send-headers') this.bearerCall(e.details);
      if (!this.open.has(d.requestId) && !this.provisional.has(d.requestId)) this.early.drop(d.requestId);
      return;
    }
    // Oldest first, each through the same matching as a live event.
    for (const e of waiting) this.hopEvent(e);
  }

  /** A hop of this request with this URL that has not ended yet (an earlier hop than the current one). */
  private unfinishedHop(requestId: string, url: string): FoundHop | null {
    const unfinished = (e: CapturedEvent): e is RequestEvent =>
      e.kind === 'request' && e.requestId === requestId && e.url === url && e.endTime === undefined && e.error === undefined;
    const open = this.open.get(requestId);
    if (open) {
      const events = this.store.peek(open.tabId)?.events ?? [];
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i]!;
        if (unfinished(e)) return { tabId: open.tabId, event: e, committed: true };
      }
    }
    const chain = this.provisional.get(requestId);
    const hop = chain?.hops.findLast(unfinished);
    return chain && hop ? { tabId: chain.tabId, event: hop, committed: false } : null;
  }

  private applyHop(e: EarlyEvent, found: FoundHop): void {
    const { event, tabId, committed } = found;
    switch (e.kind) {
      case 'send-headers':
        event.requestHeaders = selectHeaders(e.details.requestHeaders);
        if (committed) this.store.touch(tabId, event);
        return;
      case 'headers':
        applyResponse(event, e.details);
        if (committed) this.store.touch(tabId, event);
        return;
      case 'redirect':
        return this.redirected(e.details, found);
      case 'completed':
        applyCompleted(event, e.details);
        break;
      case 'error':
        applyError(event, e.details);
        break;
    }
    if (committed) this.store.touch(tabId, event);
    if (this.current(e.details.requestId)?.event === event) this.forget(e.details.requestId);
  }

  private redirected(d: RedirectDetails, found: FoundHop): void {
    applyRedirect(found.event, d);
    const target = shapeOfUrl(d.redirectUrl);
    if (found.committed) {
      this.store.touch(found.tabId, found.event);
      const open = this.open.get(d.requestId);
      if (open && open.current === found.event.id) open.current = undefined;
      // The Location may carry a fragment the next hop's URL never shows (implicit, hybrid).
      if (target) this.noteFlow(found.tabId, found.event, target);
      return;
    }
    const chain = this.provisional.get(d.requestId);
    if (chain && target) this.commitChain(d.requestId, chain, target);
  }

  protected current(requestId: string): FoundHop | null {
    const open = this.open.get(requestId);
    if (open?.current) {
      const event = this.store.get(open.tabId, open.current);
      if (event?.kind === 'request') return { tabId: open.tabId, event, committed: true };
      return null;
    }
    const chain = this.provisional.get(requestId);
    const event = chain?.hops[chain.hops.length - 1];
    return chain && event ? { tabId: chain.tabId, event, committed: false } : null;
  }
}
