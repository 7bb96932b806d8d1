import { isOAuthLensError } from '../../lib/errors';
import { redactEvents } from '../../lib/redact/trace';
import { toHar } from '../../lib/trace/har-export';
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
    const events = redact ? (await redactEvents(loaded.events)).events : loaded.events;
    const har = toHar(events, { redacted: redact });
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
