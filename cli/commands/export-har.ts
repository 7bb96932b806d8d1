import { isOAuthLensError } from '../../lib/errors';
import { redactTrace } from '../../lib/redact/trace';
import { toHar } from '../../lib/trace/har-export';
import { makeTrace } from '../../lib/trace/trace-v1';
import type { Io } from '../commands';
import { readInputFile } from '../read-input';
import { writeOutput } from './redact';

const USAGE = 'usage: oauth-lens export-har <trace.json|in.har> <out.har> [--no-redact]';

/**
 * `oauth-lens export-har <trace> <out.har>`: HAR 1.2 for Chrome DevTools' import. Redacted by
 * default (design.md "Redaction: on by default for every export"); `--no-redact` writes live
 * values and says so on stderr.
 */
export async function runExportHar(args: string[], io: Io): Promise<number> {
  const redact = !args.includes('--no-redact');
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  const unknown = args.find((a) => a.startsWith('-') && a !== '-' && a !== '--no-redact');
  if (unknown || files.length !== 2) {
    io.stderr(`oauth-lens: ${unknown ? `unknown option ${unknown}` : 'export-har takes a trace and an output file'}\n${USAGE}\n`);
    return 2;
  }
  const [input, output] = files as [string, string];
  try {
    const loaded = await readInputFile(input);
    // redactTrace keeps what an already-redacted input derived; the manifest rides in the HAR.
    const redacted = redact ? await redactTrace(makeTrace(loaded.events, loaded.redaction ?? undefined)) : null;
    const redaction = redacted?.redaction ?? (loaded.redaction?.redacted ? loaded.redaction : null);
    const har = toHar(redacted?.events ?? loaded.events, redaction ? { redacted: true, redaction } : {});
    await writeOutput(output, `${JSON.stringify(har, null, 2)}\n`, io);
    if (!redact) io.stderr('oauth-lens: warning: this HAR is NOT redacted; it holds live codes, tokens and cookies. Do not share it.\n');
    if (output !== '-') io.stdout(`wrote ${output} (${har.log.entries.length} entries${redact ? ', redacted' : ''})\n`);
    return 0;
  } catch (error) {
    if (isOAuthLensError(error)) {
      io.stderr(`oauth-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
