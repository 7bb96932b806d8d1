import { redactTrace } from '../../lib/trace/outside-flows';
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
    // redactTrace keeps what an already-redacted input derived (and finds its flows with it).
    const trace = await redactTrace(makeTrace(loaded.events, loaded.redaction ?? undefined));
    await writeOutput(output, serializeTrace(trace), io);
    if (output !== '-') io.stdout(`wrote ${output} (${trace.events.length} events, ${trace.redaction.fields.length} kinds of value redacted)\n`);
    return 0;
  });
}
