import { OAuthLensError } from '../errors';
import type { CapturedEvent } from '../model/event';
import { RedactionManifestSchema, type RedactionManifest } from '../model/trace';
import { harToEvents, looksLikeHar, parseHar } from './har-import';
import { eventsFromOAuthLensHar } from './har-restore';
import { looksLikeTrace, parseTrace } from './trace-v1';

/**
 * Larger inputs are refused before parsing. A HAR of a login is a few MB; in the extension a
 * file over 100 MiB is a runaway (or hostile) file. The CLI allows more for whole-day HARs.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;
export const MAX_CLI_INPUT_BYTES = 512 * 1024 * 1024;

export interface LoadedInput {
  kind: 'trace' | 'har';
  events: CapturedEvent[];
  /** The trace's redaction manifest (relations recorded before values were tagged), when present. */
  redaction: RedactionManifest | null;
}

/**
 * Reading from disk is the CLI's job: `readInputFile(path)` lives in cli/read-input.ts (lib/ stays
 * free of node:fs so it also runs in the extension).
 *
 * Parse text that should hold a trace v1 or a HAR. Every failure is one OAuthLensError line. */
export function loadInputText(text: string, name = 'input', maxBytes = MAX_INPUT_BYTES): LoadedInput {
  if (text.length > maxBytes) {
    throw new OAuthLensError('too-large', `${name}: file is ${(text.length / 1048576).toFixed(0)} MB; the limit is ${maxBytes / 1048576} MB`);
  }
  // A UTF-8 byte-order mark (written by some Windows tools) is not part of the JSON.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    // V8 quotes the text around the error ("Unexpected token 'x', "{"code":"…"… is not valid
    // JSON"): keep the kind and position, never the quoted input.
    const detail = error instanceof Error ? error.message.replace(/,?\s*".*$/s, '').slice(0, 120) || 'unreadable' : 'unreadable';
    const hint = json.trim().length === 0 ? 'the file is empty' : endsEarly(detail, json) ? 'the file is truncated' : detail;
    throw new OAuthLensError('bad-input', `${name}: not valid JSON (${hint})`);
  }
  return loadValue(value, name);
}

/** A parsed document that should hold a trace v1 or a HAR. */
export function loadValue(value: unknown, name = 'input'): LoadedInput {
  try {
    if (looksLikeTrace(value)) {
      const trace = parseTrace(value);
      return { kind: 'trace', events: trace.events, redaction: trace.redaction };
    }
    if (typeof value === 'object' && value !== null && 'log' in value && !looksLikeHar(value)) {
      const log = (value as { log: unknown }).log;
      throw new OAuthLensError('bad-input', `invalid HAR: har.log: expected an object, got ${log === null ? 'null' : Array.isArray(log) ? 'an array' : typeof log}`);
    }
    if (looksLikeHar(value)) {
      // Our own HAR export restores exactly (tabs, frames, navigations); other HARs go through the importer.
      const own = eventsFromOAuthLensHar(value);
      const log = (value as { log: Record<string, unknown> }).log;
      return { kind: 'har', events: own ?? harToEvents(parseHar(value)), redaction: redactionOfHar(log) };
    }
  } catch (error) {
    if (error instanceof OAuthLensError) throw new OAuthLensError(error.code, `${name}: ${error.message}`, { cause: error });
    throw error;
  }
  throw new OAuthLensError('bad-input', `${name}: neither an OAuth Lens trace ("format": "oauth-lens-trace") nor a HAR file ("log.entries")`);
}

/** Our redacted exports carry the manifest (derived relations); an invalid one is ignored. */
export function redactionOfHar(log: Record<string, unknown>): RedactionManifest | null {
  if (log._redacted !== true) return null;
  const manifest = RedactionManifestSchema.safeParse(log._oauthLensRedaction);
  return manifest.success ? { ...manifest.data, redacted: true } : { redacted: true, fields: [], derived: [] };
}

/** A JSON error at the very end of the text means the file stops mid-document. */
function endsEarly(detail: string, text: string): boolean {
  if (/Unexpected end|Unterminated string/i.test(detail)) return true;
  const at = /position (\d+)/.exec(detail);
  return at !== null && Number(at[1]) >= text.trimEnd().length - 1;
}
