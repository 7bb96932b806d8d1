import type { CapturedEvent } from '../model/event';
import { spellings } from './encodings';
import { multiSearch } from './multi-search';

/**
 * A final sweep: a secret tagged in one place is replaced by the same tag wherever else it
 * appears, in any of its spellings (lib/redact/encodings: URL-, form-, JSON-, HTML-escaped,
 * base64, base64url) — in a URL path (oidc-provider puts the `_interaction` cookie value in
 * `/interaction/<uid>`), in HTML, in a script, in a provider error page echoing the login_hint.
 * The redactors find secrets by name; this catches the copies that have no name around them.
 *
 * Every spelling of every tagged value goes into one Aho–Corasick automaton, so a sweep costs the
 * length of the text, however many and however long the secrets are (a 24 KB id_token included).
 *
 * Only distinctive values are swept (10+ characters with a digit, or 16+; a letter; not a URL):
 * sweeping a short or word-like value ("true", a URL kept in a cookie) would rewrite unrelated
 * text and break the analysis of the redacted trace.
 */
export function isSweepable(value: string): boolean {
  if (value.length < 10 || !/[A-Za-z]/.test(value) || value.includes('://')) return false;
  return value.length >= 16 || /[0-9]/.test(value);
}

/** Spellings shorter than this are not swept (base64 cores of a 10-character value are longer). */
const MIN_SPELLING = 10;

export type Sweeper = (text: string) => string;

export function makeSweeper(tags: ReadonlyMap<string, string>): Sweeper {
  const patterns: string[] = [];
  const replacement: string[] = [];
  const seen = new Set<string>();
  for (const [value, tag] of tags) {
    if (!isSweepable(value)) continue;
    for (const spelling of spellings(value)) {
      if (spelling.length < MIN_SPELLING || seen.has(spelling)) continue;
      seen.add(spelling);
      patterns.push(spelling);
      replacement.push(tag);
    }
  }
  if (patterns.length === 0) return (text) => text;
  const search = multiSearch(patterns);
  return (text) => {
    if (text.length < MIN_SPELLING) return text;
    const matches = search.find(text);
    if (matches.length === 0) return text;
    const tagged = tagSpans(text);
    let out = '';
    let last = 0;
    let t = 0;
    for (const m of matches) {
      // A tag already in the text stays whole (a label can look like a long word-only value).
      while (t < tagged.length && tagged[t]![1] <= m.start) t++;
      if (t < tagged.length && tagged[t]![0] < m.end) continue;
      out += text.slice(last, m.start) + replacement[m.pattern]!;
      last = m.end;
    }
    return out + text.slice(last);
  };
}

/** `[start, end)` of every `⟦…⟧` in the text. */
function tagSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = text.indexOf('⟦'); at >= 0; at = text.indexOf('⟦', at + 1)) {
    const end = text.indexOf('⟧', at);
    if (end < 0) break;
    spans.push([at, end + 1]);
    at = end;
  }
  return spans;
}

/** Apply the sweep to every string in an event (events are plain JSON data, a few levels deep). */
export function sweepEvent(event: CapturedEvent, sweep: Sweeper): CapturedEvent {
  return sweepValue(event, sweep, 0) as CapturedEvent;
}

function sweepValue(value: unknown, sweep: Sweeper, depth: number): unknown {
  if (typeof value === 'string') return sweep(value);
  if (depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => sweepValue(v, sweep, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sweepValue(v, sweep, depth + 1)]));
  }
  return value;
}
