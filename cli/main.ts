import { analyzeEvents } from '../lib/analysis/analyze';
import { describeInternalError, isOAuthLensError } from '../lib/errors';
import { formatText } from '../lib/format/text';
import type { AnalysisReport } from '../lib/model/analysis';
import type { CapturedEvent } from '../lib/model/event';
import { analyzeRedacted } from '../lib/trace/export-build';
import { parseOptions, usageLine, UsageError } from './commands/args';
import { fetchMetadata } from './fetch-metadata';
import { COMMAND_HELP, isCommandName, MAIN_HELP, VERSION, type CommandName } from './help';
import { displayName, readInput, STDIN } from './read-source';
import { commands } from './commands';
import type { Io } from './io';

const ANALYZE_OPTIONS = { '--json': {}, '--format': { values: ['text', 'md'] }, '--fetch-metadata': {}, '--no-redact': {} } as const;

type Format = 'text' | 'md' | 'json';

/** One input's result: its report, or the one-line reason it could not be analyzed. */
type FileResult = { file: string; report: AnalysisReport; status: 0 | 1 } | { file: string; error: string; status: 2 };

async function analyze(args: string[], io: Io): Promise<number> {
  const { options, operands: files } = parseOptions(args, ANALYZE_OPTIONS);
  const format: Format = options.has('--json') ? 'json' : ((options.get('--format') as 'text' | 'md' | undefined) ?? 'text');
  if (files.length === 0) throw new UsageError('analyze takes at least one file (or - for standard input)');
  if (files.filter((f) => f === STDIN).length > 1) throw new UsageError('standard input (-) can be read only once');
  const results: FileResult[] = [];
  // Text and Markdown get pasted into tickets: they are built from a redacted copy unless the
  // user asks for raw values. --json is the document for tools and keeps the values.
  const redact = format !== 'json' && !options.has('--no-redact');
  for (const file of files) {
    const result = await analyzeOne(file, { fetchMissingMetadata: options.has('--fetch-metadata'), redact }, io);
    if ('error' in result) io.stderr(`oauth-lens: ${result.error}\n`);
    results.push(result);
  }
  io.stdout(files.length === 1 ? await renderOne(results[0]!, format) : await renderMany(results, format));
  return Math.max(...results.map((r) => r.status));
}

async function analyzeOne(file: string, how: { fetchMissingMetadata: boolean; redact: boolean }, io: Io): Promise<FileResult> {
  const name = displayName(file);
  try {
    const input = await readInput(file, io.stdin);
    // A redacted trace carries relations recorded before redaction (PKCE S256, at_hash, c_hash).
    const run = (events: readonly CapturedEvent[]) =>
      how.redact ? analyzeRedacted(events, input.redaction) : analyzeEvents(events, { redaction: input.redaction });
    let { report } = await run(input.events);
    if (how.fetchMissingMetadata) {
      // Opt-in network access, only to each flow's own issuer (issue 4): then analyse again.
      const fetched = await fetchMetadata(report, io.stderr);
      if (fetched.length) ({ report } = await run([...input.events, ...fetched]));
    }
    const hasError = [...report.findings, ...report.flows.flatMap((f) => f.findings)].some((f) => f.severity === 'error');
    return { file: name, report, status: hasError ? 1 : 0 };
  } catch (error) {
    if (!isOAuthLensError(error)) throw error;
    return { file: name, error: error.message, status: 2 };
  }
}

/** One input prints exactly what it always did: the document, text or Markdown, or nothing on bad input. */
async function renderOne(result: FileResult, format: Format): Promise<string> {
  return 'error' in result ? '' : render(result.report, format);
}

/**
 * Several inputs: `--json` prints one array (`{file, analysis}` or `{file, error}` per input, in
 * argument order); text and Markdown print each input's output under a `==> file <==` line, as
 * head(1) does.
 */
async function renderMany(results: readonly FileResult[], format: Format): Promise<string> {
  if (format === 'json') {
    const items = results.map((r) => ('error' in r ? { file: r.file, error: r.error } : { file: r.file, analysis: r.report }));
    return `${JSON.stringify(items, null, 2)}\n`;
  }
  const parts: string[] = [];
  for (const r of results) {
    const body = 'error' in r ? `not analyzed: ${r.error}\n` : await render(r.report, format);
    parts.push(`==> ${r.file} <==\n${body}`);
  }
  return parts.join('\n');
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
  const known: CommandName | null = command !== undefined && isCommandName(command) ? command : null;
  try {
    if (command === '--version' || command === '-V') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${MAIN_HELP}\n`);
      return 0;
    }
    if (command === undefined) throw new UsageError('no command given');
    if (!known) throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command ${command}`);
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout(`${COMMAND_HELP[known]}\n`);
      return 0;
    }
    if (known === 'analyze') return await analyze(rest, io);
    return await commands[known]!(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(usageLine(known, error.message));
      return 2;
    }
    if (isOAuthLensError(error)) {
      io.stderr(`oauth-lens: ${error.message}\n`);
      return 2;
    }
    // Never the message: it can quote captured values (issue 12: a crash printed raw tokens).
    io.stderr(`oauth-lens: internal error in ${command ?? 'oauth-lens'} (${describeInternalError(error)}); please report it\n`);
    return 3;
  }
}
