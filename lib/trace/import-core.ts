import { analyzeEvents } from '../analysis/analyze';
import { describeInternalError, isOAuthLensError, OAuthLensError } from '../errors';
import type { AnalysisReport } from '../model/analysis';
import type { CapturedEvent } from '../model/event';
import type { RedactionManifest, TraceV1 } from '../model/trace';
import { HarStreamLoader } from './har-stream-load';
import { MAX_INPUT_BYTES, type LoadedInput } from './load';
import { decodeShareFragment } from './share-link';

/**
 * Importing a file is all-or-nothing: stream, parse and validate (lib/trace/har-stream-load),
 * re-analyse (analysis is always recomputed from raw events), and only a complete result leaves
 * this module. Runs in the import worker, or inline where workers are unavailable (tests).
 * Everything in the file is hostile: it is validated by zod schemas and only ever shown as text.
 */
export interface ImportedTrace {
  name: string;
  kind: 'trace' | 'har' | 'link';
  events: CapturedEvent[];
  analysis: AnalysisReport;
  redacted: boolean;
  bytes: number;
}

export type ImportPhase = 'reading' | 'parsing' | 'analyzing';
export interface ImportProgress {
  phase: ImportPhase;
  loaded: number;
  total: number;
}

/** The part of File the importer uses; tests pass fakes (e.g. a 200 MB size without the bytes). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
}

export interface ImportOptions {
  onProgress?(progress: ImportProgress): void;
  maxBytes?: number;
  chunkBytes?: number;
  /** Gives the event loop a turn between chunks when running on the page's own thread. */
  pause?(): Promise<void>;
}

const CHUNK = 2 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(bytes >= 10 * 1048576 ? 0 : 1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The size is checked from the file's metadata, before a single byte is read. */
export function checkSize(file: FileLike, maxBytes = MAX_INPUT_BYTES): void {
  if (file.size > maxBytes) {
    throw new OAuthLensError('too-large', `${file.name}: file is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}`);
  }
  if (file.size === 0) throw new OAuthLensError('bad-input', `${file.name}: the file is empty`);
}

/**
 * Streams the file into a HarStreamLoader chunk by chunk (issue 12), as the CLI does: a HAR's
 * entries are parsed one at a time and only what can belong to a flow is kept, so a big HAR is
 * never held whole as text. Each chunk is first checked as UTF-8 (fatal), so a binary file is
 * refused as such instead of being read as replacement characters.
 */
async function streamLoad(file: FileLike, options: ImportOptions): Promise<LoadedInput> {
  const chunk = options.chunkBytes ?? CHUNK;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const loader = new HarStreamLoader(file.name);
  for (let at = 0; at < file.size; at += chunk) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.slice(at, Math.min(at + chunk, file.size)).arrayBuffer());
      utf8.decode(bytes, { stream: true });
    } catch (error) {
      throw unreadable(file, error);
    }
    loader.push(bytes);
    options.onProgress?.({ phase: 'reading', loaded: Math.min(at + chunk, file.size), total: file.size });
    await options.pause?.();
  }
  try {
    utf8.decode();
  } catch (error) {
    throw unreadable(file, error);
  }
  options.onProgress?.({ phase: 'parsing', loaded: file.size, total: file.size });
  await options.pause?.();
  return loader.end();
}

function unreadable(file: FileLike, error: unknown): OAuthLensError {
  if (error instanceof TypeError) return new OAuthLensError('bad-input', `${file.name}: not a text file (a trace or HAR is UTF-8 JSON)`);
  return new OAuthLensError('bad-input', `${file.name}: the file could not be read`);
}

async function analyzed(name: string, kind: ImportedTrace['kind'], events: CapturedEvent[], redaction: RedactionManifest | null, bytes: number, options: ImportOptions): Promise<ImportedTrace> {
  options.onProgress?.({ phase: 'analyzing', loaded: 0, total: events.length });
  await options.pause?.();
  // A redacted trace's manifest answers what tags cannot (PKCE S256, at_hash, c_hash; docs/trace-format.md "Derived relations").
  const { report } = await analyzeEvents(events, { redaction });
  return { name, kind, events, analysis: report, redacted: redaction?.redacted ?? false, bytes };
}

export async function importFile(file: FileLike, options: ImportOptions = {}): Promise<ImportedTrace> {
  return asOneLine(file.name, async () => {
    const max = options.maxBytes ?? MAX_INPUT_BYTES;
    checkSize(file, max);
    const loaded = await streamLoad(file, options);
    return analyzed(file.name, loaded.kind, loaded.events, loaded.redaction, file.size, options);
  });
}

/** A share link's `#trace=…` fragment (decoded here, in the page; fragments never reach a server). */
export async function importShareFragment(fragment: string, options: ImportOptions = {}): Promise<ImportedTrace> {
  return asOneLine('shared link', async () => {
    const trace: TraceV1 = decodeShareFragment(fragment);
    return analyzed('shared link', 'link', trace.events, trace.redaction, fragment.length, options);
  });
}

/** Every failure becomes one OAuthLensError line; nothing else escapes (no stack traces in the UI). */
async function asOneLine<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isOAuthLensError(error)) throw error;
    if (error instanceof RangeError) throw new OAuthLensError('too-large', `${name}: too large to load in this page`);
    // The kind and place of the failure, never its message (it can quote captured values).
    throw new OAuthLensError('internal', `${name}: could not be analysed (${describeInternalError(error)})`);
  }
}
