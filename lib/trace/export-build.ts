import { analyzeEvents, type Analysis } from '../analysis/analyze';
import type { CapturedEvent } from '../model/event';
import type { RedactionManifest, TraceV1 } from '../model/trace';
import { redactTrace } from './outside-flows';
import { toHar } from './har-export';
import { toMarkdown } from './markdown';
import { shareUrl } from './share-link';
import { makeTrace, serializeTrace } from './trace-v1';

/**
 * What the panel's Export menu produces, composed here so the UI never touches a value:
 * every output except the one the user explicitly asked to leave unredacted goes through
 * `redactTrace` first (docs/trace-format.md "Redaction").
 */
export type ExportFormat = 'trace' | 'har' | 'trace-unredacted';

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
  redacted: boolean;
  events: number;
}

export interface ExportOptions {
  now?: Date;
  /** Passed to redactTrace by tests that want stable tags; leave out in the product. */
  key?: Uint8Array;
}

async function redacted(events: readonly CapturedEvent[], options: ExportOptions): Promise<TraceV1> {
  return redactTrace(makeTrace([...events], undefined, options.now), options.key ? { key: options.key } : {});
}

/** `2025-11-23T09-30-00` — sortable and legal in every file system. */
function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/:/g, '-');
}

export async function buildExportFile(format: ExportFormat, events: readonly CapturedEvent[], options: ExportOptions = {}): Promise<ExportFile> {
  const now = options.now ?? new Date();
  const base = `oauth-lens-${stamp(now)}`;
  switch (format) {
    case 'trace': {
      const trace = await redacted(events, { ...options, now });
      return { filename: `${base}.trace.json`, mime: 'application/json', text: serializeTrace(trace), redacted: true, events: trace.events.length };
    }
    case 'har': {
      const trace = await redacted(events, { ...options, now });
      const har = toHar(trace.events, { redacted: true, redaction: trace.redaction });
      return { filename: `${base}.har`, mime: 'application/json', text: `${JSON.stringify(har, null, 2)}\n`, redacted: true, events: trace.events.length };
    }
    case 'trace-unredacted': {
      const trace = makeTrace([...events], undefined, now);
      return { filename: `${base}.UNREDACTED.trace.json`, mime: 'application/json', text: serializeTrace(trace), redacted: false, events: events.length };
    }
  }
}

/** Markdown for a ticket, from a redacted copy re-analysed (so tags, not values, appear). */
export async function buildMarkdownSummary(events: readonly CapturedEvent[], options: ExportOptions & { title?: string } = {}): Promise<string> {
  const { report } = await analyzeRedacted(events, null, options);
  return toMarkdown(report, options.title ? { title: options.title } : {});
}

/**
 * The analysis of a redacted copy, for output people paste (Markdown, the CLI's text): every URL,
 * message and evidence value in it is built from redacted events, so tags appear and values
 * cannot. `redaction` is the input's own manifest when it was redacted already.
 */
export async function analyzeRedacted(
  events: readonly CapturedEvent[],
  redaction: RedactionManifest | null = null,
  options: ExportOptions = {},
): Promise<Analysis> {
  const trace = await redactTrace(makeTrace([...events], redaction ?? undefined, options.now), options.key ? { key: options.key } : {});
  return analyzeEvents(trace.events, { redaction: trace.redaction });
}

/** A viewer URL carrying the redacted trace; throws OAuthLensError 'too-large' past the link limit. */
export async function buildShareLink(events: readonly CapturedEvent[], viewerUrl: string, options: ExportOptions & { maxFragmentChars?: number } = {}): Promise<string> {
  const trace = await redacted(events, options);
  return shareUrl(viewerUrl, trace, options.maxFragmentChars !== undefined ? { maxFragmentChars: options.maxFragmentChars } : {});
}
