import { OAuthLensError } from '../errors';
import { harToEvents } from './har-import';
import { keepForAnalysis } from './har-keep';
import { eventsFromOAuthLensHar } from './har-restore';
import { parseHarEntry } from './har-entry-read';
import { HarSchema, type HarEntry } from './har-schema';
import { JsonEntryStream } from './json-entry-stream';
import { loadInputText, loadValue, redactionOfHar, type LoadedInput } from './load';
import { firstIssue } from './zod-message';

/** What a streamed read keeps of each validated entry; null leaves it out. */
export type EntryFilter = (entry: HarEntry) => HarEntry | null;

/**
 * Reads a trace or HAR from chunks (issue 12: a 200 MB HAR is never held whole). Entries of
 * `log.entries` are validated one by one as they arrive (the first bad one stops the read, with
 * its index) and passed through `filter`; the rest of the document is collected and read as
 * `loadInputText` would. Entries of our own HAR export (`_oauthLens`) are kept as they are, so
 * they restore exactly.
 */
export class HarStreamLoader {
  private readonly stream: JsonEntryStream;
  /** Raw entries while every entry so far is one of ours; null once one is not. */
  private own: unknown[] | null = [];
  private readonly kept: HarEntry[] = [];
  private readonly positions: number[] = [];

  constructor(
    private readonly name = 'input',
    private readonly filter: EntryFilter = keepForAnalysis,
  ) {
    this.stream = new JsonEntryStream({ entry: (value, index) => this.entry(value, index) }, name);
  }

  push(chunk: Uint8Array): void {
    this.stream.push(chunk);
  }

  end(): LoadedInput {
    const doc = this.stream.end();
    if (doc.whole !== null) return loadInputText(doc.whole, this.name, Infinity);
    if (!doc.streamedEntries) return loadValue(doc.log === undefined ? doc.root : { ...doc.root, log: doc.log }, this.name);
    const log = doc.log as Record<string, unknown>;
    const redaction = redactionOfHar(log);
    if (this.own && log._oauthLensVersion === 1) {
      const events = eventsFromOAuthLensHar({ log: { ...log, entries: this.own } });
      if (events) return { kind: 'har', events, redaction };
    }
    this.foreignOwn();
    const shell = HarSchema.safeParse({ log: { ...log, entries: [] } });
    if (!shell.success) throw this.bad(firstIssue(shell.error, 'har'));
    return { kind: 'har', events: harToEvents({ log: { ...shell.data.log, entries: this.kept } }, this.positions), redaction };
  }

  private entry(value: unknown, index: number): void {
    if (this.own && typeof value === 'object' && value !== null && '_oauthLens' in value) {
      this.own.push(value);
      return;
    }
    this.foreignOwn();
    this.foreign(value, index);
  }

  /** Entries held as ours go through the generic importer after all. */
  private foreignOwn(): void {
    const held = this.own;
    if (!held) return;
    this.own = null;
    held.forEach((value, index) => this.foreign(value, index));
  }

  private foreign(value: unknown, index: number): void {
    const parsed = parseHarEntry(value);
    if (!parsed.success) throw this.bad(firstIssue(parsed.error, `har.log.entries[${index}]`));
    const kept = this.filter(parsed.data);
    if (!kept) return;
    this.kept.push(kept);
    this.positions.push(index);
  }

  private bad(detail: string): OAuthLensError {
    return new OAuthLensError('bad-input', `${this.name}: invalid HAR: ${detail}`);
  }
}
