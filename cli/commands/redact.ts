import { redactEvents } from '../../lib/redact/trace';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import type { Io } from '../commands';
import { readInputFile } from '../read-input';
import { exitOnBadInput, parseFileArgs, writeOutput } from './args';

const USAGE = 'usage: oauth-lens redact <in.har|trace.json> <out.json>';

/**
 * `oauth-lens redact <in> <out>`: read a trace or HAR, write a redacted trace v1 (docs/trace-format.md
 * "Redaction"). Exit 0 on success, 2 on bad input or usage with one line on stderr.
 */
export async function runRedact(args: string[], io: Io): Promise<number> {
  const parsed = parseFileArgs(args, io, { takes: 'redact takes an input and an output file', usage: USAGE });
  if (!parsed) return 2;
  const { input, output } = parsed;
  return exitOnBadInput(io, async () => {
    const loaded = await readInputFile(input);
    const { events, manifest } = await redactEvents(loaded.events);
    const text = serializeTrace(makeTrace(events, manifest));
    await writeOutput(output, text, io);
    if (output !== '-') io.stdout(`wrote ${output} (${events.length} events, ${manifest.fields.length} kinds of value redacted)\n`);
    return 0;
  });
}
