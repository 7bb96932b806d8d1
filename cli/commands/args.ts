import { writeFile } from 'node:fs/promises';
import { isOAuthLensError, OAuthLensError } from '../../lib/errors';
import type { Io } from '../commands';

/** What a file-to-file command (redact, export-har) takes: two files and some known flags. */
export interface FileCommand {
  /** Said when the files are not two, e.g. "redact takes an input and an output file". */
  takes: string;
  usage: string;
  /** Options it knows besides the files (`-` alone is a file: stdout). */
  flags?: readonly string[];
}

export interface FileArgs {
  input: string;
  output: string;
  flags: ReadonlySet<string>;
}

/**
 * Reads `<in> <out> [flags]`; on an unknown option or a wrong number of files, says so with the
 * usage on stderr and returns null (the command then exits 2).
 */
export function parseFileArgs(args: string[], io: Io, command: FileCommand): FileArgs | null {
  const known = new Set(command.flags ?? []);
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  const unknown = args.find((a) => a.startsWith('-') && a !== '-' && !known.has(a));
  if (unknown || files.length !== 2) {
    io.stderr(`oauth-lens: ${unknown ? `unknown option ${unknown}` : command.takes}\n${command.usage}\n`);
    return null;
  }
  const [input, output] = files as [string, string];
  return { input, output, flags: new Set(args.filter((a) => known.has(a))) };
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
