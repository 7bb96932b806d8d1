import { writeFile } from 'node:fs/promises';
import { isOAuthLensError, OAuthLensError } from '../../lib/errors';
import { redactEvents } from '../../lib/redact/trace';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import type { Io } from '../commands';
import { readInputFile } from '../read-input';

const USAGE = 'usage: oauth-lens redact <in.har|trace.json> <out.json>';

/**
 * `oauth-lens redact <in> <out>`: read a trace or HAR, write a redacted trace v1 (design.md
 * "Redaction"). Exit 0 on success, 2 on bad input or usage with one line on stderr.
 */
export async function runRedact(args: string[], io: Io): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  const unknown = args.find((a) => a.startsWith('-') && a !== '-');
  if (unknown || files.length !== 2) {
    io.stderr(`oauth-lens: ${unknown ? `unknown option ${unknown}` : 'redact takes an input and an output file'}\n${USAGE}\n`);
    return 2;
  }
  const [input, output] = files as [string, string];
  try {
    const loaded = await readInputFile(input);
    const { events, manifest } = await redactEvents(loaded.events);
    const text = serializeTrace(makeTrace(events, manifest));
    await writeOutput(output, text, io);
    if (output !== '-') io.stdout(`wrote ${output} (${events.length} events, ${manifest.fields.length} kinds of value redacted)\n`);
    return 0;
  } catch (error) {
    if (isOAuthLensError(error)) {
      io.stderr(`oauth-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** `-` writes to stdout; otherwise the file is written whole (never a partial file on error). */
export async function writeOutput(path: string, text: string, io: Io): Promise<void> {
  if (path === '-') {
    io.stdout(text);
    return;
  }
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new OAuthLensError('bad-input', `${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}
