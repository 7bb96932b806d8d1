import type { CapturedEvent } from '../model/event';

/**
 * A final sweep: a secret tagged in one place is replaced by the same tag wherever else it
 * appears — in a URL path (oidc-provider puts the `_interaction` cookie value in
 * `/interaction/<uid>`), in HTML, in a script, in an error message. The redactors find secrets
 * by name; this catches the copies that have no name around them.
 *
 * Only token-shaped values are swept (no spaces, not a URL; 16+ characters, or 10+ with digits): sweeping a
 * short or word-like value ("true", a URL kept in a cookie) would rewrite unrelated text and break
 * the analysis of the redacted trace.
 */
export function isSweepable(value: string): boolean {
  if (value.length < 10 || !/^[A-Za-z0-9_\-+/=.~]+$/.test(value) || !/[A-Za-z]/.test(value) || value.includes('://')) return false;
  return value.length >= 16 || /[0-9]/.test(value);
}

export function makeSweeper(tags: ReadonlyMap<string, string>): (text: string) => string {
  const replacements = new Map<string, string>();
  for (const [value, tag] of tags) {
    if (!isSweepable(value)) continue;
    replacements.set(value, tag);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) replacements.set(encoded, tag);
  }
  if (replacements.size === 0) return (text) => text;
  // Longest first, so a value that contains another is replaced whole.
  const alternation = [...replacements.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(alternation, 'g');
  return (text) => (text.length < 10 ? text : text.replace(pattern, (m) => replacements.get(m) ?? m));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Apply the sweep to every string in an event (events are plain JSON data). */
export function sweepEvent(event: CapturedEvent, sweep: (text: string) => string): CapturedEvent {
  return sweepValue(event, sweep) as CapturedEvent;
}

function sweepValue(value: unknown, sweep: (text: string) => string): unknown {
  if (typeof value === 'string') return sweep(value);
  if (Array.isArray(value)) return value.map((v) => sweepValue(v, sweep));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sweepValue(v, sweep)]));
  }
  return value;
}
