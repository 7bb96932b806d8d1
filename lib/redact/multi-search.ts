/**
 * Find many literal strings in a text in one pass (Aho–Corasick): building costs the total length
 * of the patterns, a search costs the length of the text plus the matches, whatever the number or
 * length of the patterns. It replaces one RegExp alternation of every secret, which V8 refuses
 * past a size ("Regular expression too large") and which backtracks on long inputs.
 *
 * Patterns longer than ANCHOR characters enter the automaton by their first ANCHOR characters;
 * where those match, the match runs on as far as the text agrees with the pattern. So a 1 MB token
 * costs ANCHOR states, and a copy of it cut short (a truncated body) is still found whole. The
 * text read while extending is consumed by the match, so the search stays linear.
 */
export interface Match {
  start: number;
  end: number;
  /** Index of the pattern in the list the searcher was built from. */
  pattern: number;
}

export interface MultiSearch {
  /**
   * Leftmost-longest, non-overlapping matches in order: at each position the longest pattern
   * starting there wins, and the scan continues after it (what an alternation sorted longest
   * first does).
   */
  find(text: string): Match[];
}

export const ANCHOR = 256;
const ALPHABET = 65536;

interface Key {
  /** A pattern equal to the key, or -1. */
  whole: number;
  /** Longer patterns that start with the key. */
  longer: number[];
}

export function multiSearch(patterns: readonly string[]): MultiSearch {
  const keys: Key[] = [];
  const keyOf = new Map<string, number>();
  for (let p = 0; p < patterns.length; p++) {
    const pattern = patterns[p]!;
    if (pattern.length === 0) continue;
    const text = pattern.slice(0, ANCHOR);
    let k = keyOf.get(text);
    if (k === undefined) {
      k = keys.length;
      keys.push({ whole: -1, longer: [] });
      keyOf.set(text, k);
    }
    if (pattern.length > ANCHOR) keys[k]!.longer.push(p);
    else if (keys[k]!.whole < 0) keys[k]!.whole = p;
  }

  // The trie of the keys. Edges live in one Map keyed by `state * 65536 + UTF-16 code unit`.
  const next = new Map<number, number>();
  const own: number[] = [-1];
  const depth: number[] = [0];
  const parent: number[] = [0];
  const inCode: number[] = [0];
  for (const [text, k] of keyOf) {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const edge = state * ALPHABET + code;
      let to = next.get(edge);
      if (to === undefined) {
        to = own.length;
        own.push(-1);
        depth.push(depth[state]! + 1);
        parent.push(state);
        inCode.push(code);
        next.set(edge, to);
      }
      state = to;
    }
    own[state] = k;
  }

  // Failure links in order of depth (a counting sort of the states stands in for a BFS queue);
  // `out[s]` is the longest key that is a suffix of state s's string.
  const states = own.length;
  const fail = new Int32Array(states);
  const out = Int32Array.from(own);
  const byDepth = new Int32Array(states);
  const starts = new Int32Array(ANCHOR + 2);
  for (let s = 0; s < states; s++) starts[depth[s]! + 1] = starts[depth[s]! + 1]! + 1;
  for (let d = 1; d < starts.length; d++) starts[d] = starts[d]! + starts[d - 1]!;
  for (let s = 0; s < states; s++) {
    const d = depth[s]!;
    byDepth[starts[d]!] = s;
    starts[d] = starts[d]! + 1;
  }
  for (let i = 1; i < states; i++) {
    const s = byDepth[i]!;
    const from = parent[s]!;
    if (from === 0) continue;
    const code = inCode[s]!;
    let f = fail[from]!;
    let target = next.get(f * ALPHABET + code);
    while (target === undefined && f !== 0) {
      f = fail[f]!;
      target = next.get(f * ALPHABET + code);
    }
    fail[s] = target ?? 0;
    if (out[s] === -1) out[s] = out[fail[s]!]!;
  }

  const step = (state: number, code: number): number => {
    let s = state;
    for (;;) {
      const to = next.get(s * ALPHABET + code);
      if (to !== undefined) return to;
      if (s === 0) return 0;
      s = fail[s]!;
    }
  };

  /** The longest pattern of key `k` at `start`, and where it ends (a long one as far as it agrees). */
  const resolve = (text: string, start: number, k: number): Match => {
    const key = keys[k]!;
    let best: Match = { start, end: start + (key.whole >= 0 ? patterns[key.whole]!.length : ANCHOR), pattern: key.whole };
    for (const p of key.longer) {
      const pattern = patterns[p]!;
      let end = start + ANCHOR;
      while (end < text.length && end - start < pattern.length && text.charCodeAt(end) === pattern.charCodeAt(end - start)) end++;
      if (end > best.end || best.pattern < 0) best = { start, end, pattern: p };
    }
    return best;
  };

  return {
    find(text) {
      if (states === 1) return [];
      // The longest key ending at each position dominates every other key ending there (it
      // starts earlier and is longer), so one candidate per end position is enough.
      const candidates: Array<{ start: number; end: number; key: number }> = [];
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = step(state, text.charCodeAt(i));
        const k = out[state]!;
        if (k >= 0) candidates.push({ start: i + 1 - depthOfKey(k), end: i + 1, key: k });
      }
      if (candidates.length === 0) return [];
      candidates.sort((a, b) => a.start - b.start || b.end - a.end);
      const chosen: Match[] = [];
      let after = 0;
      for (const c of candidates) {
        if (c.start < after) continue;
        const m = resolve(text, c.start, c.key);
        chosen.push(m);
        after = m.end;
      }
      return chosen;
    },
  };

  function depthOfKey(k: number): number {
    const key = keys[k]!;
    return key.whole >= 0 ? patterns[key.whole]!.length : ANCHOR;
  }
}
