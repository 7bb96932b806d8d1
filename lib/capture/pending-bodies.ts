import { stripFragment } from '../flow/params';
import type { RequestEvent } from '../model/event';

/** A response body the devtools page read (devtools.network) and forwarded to the background. */
export interface AttachBodyInput {
  tabId: number;
  url: string;
  method: string;
  /** When DevTools saw the request start (epoch ms), to pick the right hop among equal URLs. */
  startTime?: number;
  body: { text: string; mimeType?: string; truncated?: boolean };
}

export interface PendingBodyLimits {
  /** Bodies waiting at once; the oldest goes first. */
  maxPendingBodies: number;
  /** Characters of body text waiting at once. */
  maxPendingBodyChars: number;
  /** A body whose request has not landed after this long is dropped. */
  pendingBodyTtlMs: number;
  /** When both times are known, a body only fits a request that started this close to it. */
  bodyMatchWindowMs: number;
}

/** Same URL (fragment ignored), same method, and — when DevTools gave a start time — close to it. */
export function bodyFits(input: AttachBodyInput, event: RequestEvent, windowMs: number): boolean {
  if (event.method.toUpperCase() !== input.method.toUpperCase()) return false;
  if (stripFragment(event.url) !== stripFragment(input.url)) return false;
  return input.startTime === undefined || Math.abs(event.startTime - input.startTime) <= windowMs;
}

interface Waiting {
  input: AttachBodyInput;
  /** When it arrived (the background's clock). */
  at: number;
}

/**
 * Bodies that reached the background before the request they belong to was in the store: the
 * devtools page and webRequest reach the worker on separate channels, and after a worker restart
 * the request may only come back later (adopted from storage). Each waits, bounded in count,
 * characters and time, and is handed over when a fitting request lands.
 */
export class PendingBodies {
  private waiting: Waiting[] = [];
  private chars = 0;

  constructor(private readonly limits: PendingBodyLimits) {}

  get size(): number {
    return this.waiting.length;
  }

  add(input: AttachBodyInput, now: number): void {
    this.expire(now);
    const size = input.body.text.length;
    if (size > this.limits.maxPendingBodyChars || this.limits.maxPendingBodies <= 0) return;
    this.waiting.push({ input, at: now });
    this.chars += size;
    while (this.waiting.length > this.limits.maxPendingBodies || this.chars > this.limits.maxPendingBodyChars) this.removeAt(0);
  }

  /**
   * The waiting body that fits `event` (same URL and method, from the body's tab or one of its
   * popups), removed from the queue; the one nearest in time when several fit.
   */
  take(event: RequestEvent, familyOf: (tabId: number) => readonly number[]): AttachBodyInput | undefined {
    let best = -1;
    const distance = (w: Waiting) => (w.input.startTime === undefined ? Infinity : Math.abs(w.input.startTime - event.startTime));
    this.waiting.forEach((w, i) => {
      if (!bodyFits(w.input, event, this.limits.bodyMatchWindowMs) || !familyOf(w.input.tabId).includes(event.tabId)) return;
      if (best < 0 || distance(w) < distance(this.waiting[best]!)) best = i;
    });
    if (best < 0) return undefined;
    const { input } = this.waiting[best]!;
    this.removeAt(best);
    return input;
  }

  /** Drop the bodies that waited longer than the limit. */
  expire(now: number): void {
    while (this.waiting.length && now - this.waiting[0]!.at > this.limits.pendingBodyTtlMs) this.removeAt(0);
  }

  private removeAt(i: number): void {
    const [gone] = this.waiting.splice(i, 1);
    if (gone) this.chars -= gone.input.body.text.length;
  }
}
