/**
 * The byte-level half of the streaming HAR reader (json-entry-stream.ts): JSON's structural
 * bytes, and skipping one value — string, object/array (depth counted, strings inside skipped
 * with indexOf) or bare scalar — across chunk boundaries without decoding it. Its bytes are then
 * handed to JSON.parse, which validates them.
 */

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** A value being skipped until its end: string, container (depth counted) or bare scalar. */
export interface Capture {
  kind: 'string' | 'container' | 'scalar';
  depth: number;
  inString: boolean;
  /** Backslashes at the end of the previous chunk, inside a string. */
  carry: number;
  parts: Uint8Array[];
  start: number;
  /** Byte offset of the value in the whole input, for messages. */
  offset: number;
  role: 'key' | 'value';
}

/** A capture for the value whose first byte is `chunk[i]`; `offset` is that byte's place in the whole input. */
export function startCapture(chunk: Uint8Array, i: number, offset: number, role: Capture['role']): Capture {
  const c = chunk[i]!;
  const kind = c === QUOTE ? 'string' : c === OPEN_OBJECT || c === OPEN_ARRAY ? 'container' : 'scalar';
  return { kind, depth: 0, inString: false, carry: 0, parts: [], start: i, offset, role };
}

/**
 * Continue scanning the captured value from `from`; returns the index just past its end, or -1
 * when the value runs past this chunk (the caller keeps the chunk's tail in `cap.parts`).
 */
export function scanCapture(cap: Capture, chunk: Uint8Array, from: number): number {
  const len = chunk.length;
  let i = from;
  if (cap.kind === 'scalar') {
    while (i < len) {
      const c = chunk[i]!;
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isSpace(c)) return i;
      i++;
    }
    return -1;
  }
  if (cap.kind === 'string' && !cap.inString && cap.depth === 0 && i === cap.start && cap.parts.length === 0) {
    cap.inString = true;
    i++;
  }
  if (cap.kind === 'container' && cap.depth === 0 && i === cap.start && cap.parts.length === 0) {
    cap.depth = 1;
    i++;
  }
  // The state lives in locals while scanning and is stored back when the value runs past the
  // chunk (property reads and writes per string were most of the reader's scanning time).
  const whole = cap.kind === 'string';
  let inString = cap.inString;
  let depth = cap.depth;
  let carry = cap.carry;
  while (i < len) {
    if (inString) {
      const q = nextQuote(chunk, i, len);
      if (q < 0) {
        let run = 0;
        for (let k = len - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
        carry = run === len - i && i === 0 ? carry + run : run;
        break;
      }
      let k = q - 1;
      while (k >= i && chunk[k] === BACKSLASH) k--;
      // An odd run of backslashes before the quote escapes it (the run may begin in the previous chunk).
      const run = q - 1 - k + (k < i && i === 0 ? carry : 0);
      carry = 0;
      i = q + 1;
      if (run % 2 === 1) continue;
      inString = false;
      if (whole) {
        cap.inString = false;
        cap.carry = 0;
        return i;
      }
      continue;
    }
    const c = chunk[i]!;
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth === 0) {
        cap.depth = 0;
        cap.inString = false;
        cap.carry = 0;
        return i + 1;
      }
    }
    i++;
  }
  cap.inString = inString;
  cap.depth = depth;
  cap.carry = carry;
  return -1;
}

/**
 * Bytes looked at one by one before asking `indexOf`: most strings of a HAR (header names and
 * values, URLs) are short, and a native call per string cost more than reading them (issue 16).
 */
const INLINE_SCAN = 48;

/** `chunk.indexOf(QUOTE, from)`, short strings read inline. */
function nextQuote(chunk: Uint8Array, from: number, len: number): number {
  const stop = from + INLINE_SCAN < len ? from + INLINE_SCAN : len;
  for (let k = from; k < stop; k++) if (chunk[k] === QUOTE) return k;
  return stop < len ? chunk.indexOf(QUOTE, stop) : -1;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
