import { writeFile } from 'node:fs/promises';
import { isOAuthLensError, OAuthLensError } from '../../lib/errors';
import type { Io } from '../io';
import type { CommandName } from '../help';

/** A mistake in the command line: reported as one line, exit status 2. */
export class UsageError extends Error {}

/** The one line a usage mistake prints: what is wrong, and where the help is. */
export function usageLine(command: CommandName | null, message: string): string {
  return `oauth-lens: ${message}; see oauth-lens ${command ? `${command} ` : ''}--help\n`;
}

/** Options a command takes: a flag (no value), or an option with one of a few values. */
export type OptionSpec = Readonly<Record<string, { readonly values?: readonly string[] }>>;

export interface ParsedArgs {
  /** Given options: `true` for a flag, the value otherwise. The last one given wins. */
  options: ReadonlyMap<string, string | true>;
  /** Everything else in order; `-` (standard input or output) is an operand, and so is all after `--`. */
  operands: string[];
}

/**
 * `--flag`, `--option value`, `--option=value`, operands anywhere. Throws UsageError naming the
 * first unknown option, a missing or unexpected value, or a value outside the allowed ones.
 */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const options = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const option = Object.hasOwn(spec, name) ? spec[name]! : undefined;
    if (!option) throw new UsageError(`unknown option ${name}`);
    if (!option.values) {
      if (eq >= 0) throw new UsageError(`${name} takes no value`);
      options.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || !option.values.includes(value)) {
      throw new UsageError(`${name} takes ${option.values.join(' or ')}, not ${value === undefined ? '(nothing)' : value}`);
    }
    options.set(name, value);
  }
  return { options, operands };
}

/** What a file-to-file command (redact, export-har) takes: two files and some known flags. */
export interface FileCommand {
  name: CommandName;
  /** Said when the files are not two, e.g. "redact takes an input and an output file". */
  takes: string;
  /** Flags it knows besides the files (`-` alone is a file: standard input or output). */
  flags?: readonly string[];
}

export interface FileArgs {
  input: string;
  output: string;
  flags: ReadonlySet<string>;
}

/**
 * Reads `<in> <out> [flags]`; on an unknown option or a wrong number of files, says so in one
 * line on stderr and returns null (the command then exits 2).
 */
export function parseFileArgs(args: string[], io: Io, command: FileCommand): FileArgs | null {
  try {
    const { options, operands } = parseOptions(args, Object.fromEntries((command.flags ?? []).map((flag) => [flag, {}])));
    if (operands.length !== 2) throw new UsageError(command.takes);
    const [input, output] = operands as [string, string];
    return { input, output, flags: new Set(options.keys()) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageLine(command.name, error.message));
    return null;
  }
}

/** Runs a command's work; bad input (OAuthLensError) is one line on stderr and exit 2. */
export async function exitOnBadInput(io: Io, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
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
