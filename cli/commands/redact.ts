import { redactEvents } from '../../lib/redact/trace';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import type { Io } from '../io';
import { readInput } from '../read-source';
import { exitOnBadInput, parseFileArgs, writeOutput } from './args';

/**
 * `oauth-lens redact <in> <out>`: read a trace or HAR, write a redacted trace v1 (docs/trace-format.md
 * "Redaction"). Exit 0 on success, 2 on bad input or usage with one line on stderr.
 */
export async function runRedact(args: string[], io: Io): Promise<number> {
  const parsed = parseFileArgs(args, io, { name: 'redact', takes: 'redact takes an input and an output file' });
  if (!parsed) return 2;
  const { input, output } = parsed;
  return exitOnBadInput(io, async () => {
    const loaded = await readInput(input, io.stdin);
    const { events, manifest } = await redactEvents(loaded.events);
    const text = serializeTrace(makeTrace(events, manifest));
    await writeOutput(output, text, io);
    if (output !== '-') io.stdout(`wrote ${output} (${events.length} events, ${manifest.fields.length} kinds of value redacted)\n`);
    return 0;
  });
}
