import { OAuthLensError } from '../errors';
import { CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, concat, isSpace, OPEN_ARRAY, OPEN_OBJECT, QUOTE, scanCapture, startCapture, type Capture } from './json-value-scan';

/**
 * An incremental reader for one JSON document shaped like a HAR: it walks the members of the root
 * object and of `log`, and hands over each element of `log.entries` as soon as its last byte has
 * arrived, so a 200 MB file is never held whole (issue 12). Every other member is collected and
 * parsed at the end (a HAR's `pages`, `creator`, or the members of a trace).
 *
 * Only structure is scanned here (strings skipped with indexOf); each value's bytes go through
 * `JSON.parse`, which validates them. Messages name a byte offset, never content.
 */

/** Where the walk is: inside the root object, inside `log`, or inside `log.entries`. */
type Level = 'root' | 'log' | 'entries';
/** What the next structural byte of the current level should be. */
type Expect = 'start' | 'key' | 'key-or-end' | 'colon' | 'value' | 'value-or-end' | 'comma-or-end' | 'done';

export interface EntrySink {
  /** One element of `log.entries`, parsed; `index` counts from 0. */
  entry(value: unknown, index: number): void;
}

export interface StreamedDocument {
  /** Members of the root object other than `log` (a trace's `format`, `events`, …). */
  root: Record<string, unknown>;
  /** Members of `log` other than `entries`, or the value of `log` when it is not an object. */
  log: Record<string, unknown> | null | unknown;
  /** True when `log` was an object with an `entries` array that was streamed. */
  streamedEntries: boolean;
  entryCount: number;
  /** Set when the root is not an object: the whole text, to be parsed the ordinary way. */
  whole: string | null;
}

export class JsonEntryStream {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly levels: Level[] = [];
  private expect: Expect = 'start';
  private key = '';
  private capture: Capture | null = null;
  private consumed = 0;
  private firstChunk = true;
  private wholeParts: Uint8Array[] | null = null;
  private readonly root: Record<string, unknown> = {};
  private log: Record<string, unknown> | null = null;
  private logValue: unknown = undefined;
  private sawEntries = false;
  private entryCount = 0;

  constructor(
    private readonly sink: EntrySink,
    private readonly name = 'input',
  ) {}

  /** Feed the next bytes of the file. */
  push(chunk: Uint8Array): void {
    let i = 0;
    if (this.firstChunk) {
      this.firstChunk = false;
      // A UTF-8 byte-order mark (some Windows tools write one) is not part of the JSON.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    if (this.wholeParts) {
      this.wholeParts.push(chunk.subarray(i));
      return;
    }
    const len = chunk.length;
    while (i < len) {
      if (this.capture) {
        const end = scanCapture(this.capture, chunk, i);
        if (end < 0) {
          this.capture.parts.push(chunk.subarray(this.capture.start));
          this.capture.start = 0;
          break;
        }
        this.finishCapture(chunk, end);
        i = end;
        continue;
      }
      const c = chunk[i]!;
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.expect === 'start') {
        if (c !== OPEN_OBJECT) {
          // Not an object: leave it to JSON.parse, which says what is wrong with it.
          this.wholeParts = [chunk.subarray(i)];
          this.consumed += len;
          return;
        }
        this.levels.push('root');
        this.expect = 'key-or-end';
        i++;
        continue;
      }
      i = this.structural(chunk, i, c);
    }
    this.consumed += len;
  }

  /** The input has ended: returns what was not streamed, or throws when the document is incomplete. */
  end(): StreamedDocument {
    if (this.wholeParts) return { root: {}, log: null, streamedEntries: false, entryCount: 0, whole: this.decoder.decode(concat(this.wholeParts)) };
    if (this.expect === 'start') return { root: {}, log: null, streamedEntries: false, entryCount: 0, whole: '' };
    if (this.expect !== 'done' || this.capture) throw this.bad('the file is truncated');
    return { root: this.root, log: this.log ?? this.logValue, streamedEntries: this.sawEntries, entryCount: this.entryCount, whole: null };
  }

  private level(): Level {
    return this.levels[this.levels.length - 1]!;
  }

  private structural(chunk: Uint8Array, i: number, c: number): number {
    const at = this.consumed + i;
    switch (this.expect) {
      case 'key-or-end':
      case 'key':
        if (c === CLOSE_OBJECT && this.expect === 'key-or-end') return this.close(i);
        if (c !== QUOTE) throw this.bad(`expected a member name at byte ${at}`);
        this.begin(chunk, i, 'key');
        return i;
      case 'colon':
        if (c !== COLON) throw this.bad(`expected ':' at byte ${at}`);
        this.expect = 'value';
        return i + 1;
      case 'value-or-end':
      case 'value':
        if (c === CLOSE_ARRAY && this.expect === 'value-or-end') return this.close(i);
        if (c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === COMMA || c === COLON) throw this.bad(`expected a value at byte ${at}`);
        if (c === OPEN_OBJECT && this.level() === 'root' && this.key === 'log' && this.log === null) {
          this.log = {};
          this.levels.push('log');
          this.expect = 'key-or-end';
          return i + 1;
        }
        if (c === OPEN_ARRAY && this.level() === 'log' && this.key === 'entries' && !this.sawEntries) {
          this.sawEntries = true;
          this.levels.push('entries');
          this.expect = 'value-or-end';
          return i + 1;
        }
        this.begin(chunk, i, 'value');
        return i;
      case 'comma-or-end': {
        const closer = this.level() === 'entries' ? CLOSE_ARRAY : CLOSE_OBJECT;
        if (c === closer) return this.close(i);
        if (c !== COMMA) throw this.bad(`expected ',' at byte ${at}`);
        this.expect = this.level() === 'entries' ? 'value' : 'key';
        return i + 1;
      }
      case 'done':
        throw this.bad(`unexpected data after the end of the document at byte ${at}`);
      default:
        throw this.bad(`unexpected byte at ${at}`);
    }
  }

  private close(i: number): number {
    this.levels.pop();
    if (this.levels.length === 0) {
      this.expect = 'done';
      return i + 1;
    }
    if (this.level() === 'log' || this.level() === 'root') this.expect = 'comma-or-end';
    return i + 1;
  }

  private begin(chunk: Uint8Array, i: number, role: 'key' | 'value'): void {
    this.capture = startCapture(chunk, i, this.consumed + i, role);
  }

  private finishCapture(chunk: Uint8Array, end: number): void {
    const cap = this.capture!;
    this.capture = null;
    const bytes = cap.parts.length === 0 ? chunk.subarray(cap.start, end) : concat([...cap.parts, chunk.subarray(0, end)]);
    let value: unknown;
    try {
      value = JSON.parse(this.decoder.decode(bytes));
    } catch {
      throw this.bad(`a value starting at byte ${cap.offset} is not valid JSON`);
    }
    if (cap.role === 'key') {
      this.key = value as string;
      this.expect = 'colon';
      return;
    }
    const level = this.level();
    if (level === 'entries') this.sink.entry(value, this.entryCount++);
    else if (level === 'log') this.log![this.key] = value;
    else if (this.key === 'log') this.logValue = value;
    else this.root[this.key] = value;
    this.expect = 'comma-or-end';
  }

  private bad(detail: string): OAuthLensError {
    return new OAuthLensError('bad-input', `${this.name}: not valid JSON (${detail})`);
  }
}
