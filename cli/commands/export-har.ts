import { redactTrace } from '../../lib/trace/outside-flows';
import { toHar } from '../../lib/trace/har-export';
import { makeTrace } from '../../lib/trace/trace-v1';
import type { Io } from '../io';
import { readInput } from '../read-source';
import { exitOnBadInput, parseFileArgs, writeOutput } from './args';

/**
 * `oauth-lens export-har <trace> <out.har>`: HAR 1.2 for Chrome DevTools' import. Redacted by
 * default (docs/trace-format.md "Redaction"); `--no-redact` writes live
 * values and says so on stderr.
 */
export async function runExportHar(args: string[], io: Io): Promise<number> {
  const parsed = parseFileArgs(args, io, { name: 'export-har', takes: 'export-har takes a trace and an output file', flags: ['--no-redact'] });
  if (!parsed) return 2;
  const { input, output } = parsed;
  const redact = !parsed.flags.has('--no-redact');
  return exitOnBadInput(io, async () => {
    const loaded = await readInput(input, io.stdin);
    // redactTrace keeps what an already-redacted input derived; the manifest rides in the HAR.
    const redacted = redact ? await redactTrace(makeTrace(loaded.events, loaded.redaction ?? undefined)) : null;
    const redaction = redacted?.redaction ?? (loaded.redaction?.redacted ? loaded.redaction : null);
    const har = toHar(redacted?.events ?? loaded.events, redaction ? { redacted: true, redaction } : {});
    await writeOutput(output, `${JSON.stringify(har, null, 2)}\n`, io);
    if (!redact) io.stderr('oauth-lens: warning: this HAR is NOT redacted; it holds live codes, tokens and cookies. Do not share it.\n');
    if (output !== '-') io.stdout(`wrote ${output} (${har.log.entries.length} entries${redact ? ', redacted' : ''})\n`);
    return 0;
  });
}
