import { analyzeEvents } from '../lib/analyze';
import { isOAuthLensError } from '../lib/errors';
import { formatText } from '../lib/format/text';
import type { AnalysisReport } from '../lib/model/analysis';
import { fetchMetadata } from './fetch-metadata';
import { readInputFile } from './read-input';
import { commands, type Io } from './commands';

const USAGE = `usage:
  oauth-lens analyze <file.har|trace.json> [--json] [--format text|md] [--fetch-metadata]
  oauth-lens redact <in> <out>
  oauth-lens export-har <trace.json> <out.har>`;

export class UsageError extends Error {}

async function analyze(args: string[], io: Io): Promise<number> {
  let format: 'text' | 'md' | 'json' = 'text';
  let fetchMissingMetadata = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') format = 'json';
    else if (arg === '--fetch-metadata') fetchMissingMetadata = true;
    else if (arg === '--format') {
      const value = args[++i];
      if (value !== 'text' && value !== 'md') throw new UsageError(`--format takes text or md, not ${value ?? '(nothing)'}`);
      format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'text' && value !== 'md') throw new UsageError(`--format takes text or md, not ${value}`);
      format = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError('analyze takes exactly one file');
  const input = await readInputFile(files[0]!);
  // A redacted trace carries relations recorded before redaction (PKCE S256, at_hash, c_hash).
  let { report } = await analyzeEvents(input.events, { redaction: input.redaction });
  if (fetchMissingMetadata) {
    // Opt-in network access, only to each flow's own issuer (issue 4): then analyse again.
    const fetched = await fetchMetadata(report, io.stderr);
    if (fetched.length) ({ report } = await analyzeEvents([...input.events, ...fetched], { redaction: input.redaction }));
  }
  io.stdout(await render(report, format));
  const hasError = [...report.findings, ...report.flows.flatMap((f) => f.findings)].some((f) => f.severity === 'error');
  return hasError ? 1 : 0;
}

async function render(report: AnalysisReport, format: 'text' | 'md' | 'json'): Promise<string> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'md') {
    const { toMarkdown } = await import('../lib/trace/markdown');
    return toMarkdown(report);
  }
  return formatText(report);
}

/** Runs one command; returns the exit status: 0 fine, 1 error findings, 2 bad input or usage. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') return await analyze(rest, io);
    const run = command ? commands[command] : undefined;
    if (!run) throw new UsageError(command ? `unknown command ${command}` : 'no command given');
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`oauth-lens: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (isOAuthLensError(error)) {
      io.stderr(`oauth-lens: ${error.message}\n`);
      return 2;
    }
    io.stderr(`oauth-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}
