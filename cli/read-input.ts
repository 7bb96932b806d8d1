import { readFile, stat } from 'node:fs/promises';
import { OAuthLensError } from '../lib/errors';
import { loadInputText, MAX_CLI_INPUT_BYTES, type LoadedInput } from '../lib/trace/load';

/** Read a trace or HAR from disk; the size is checked before the file is read into memory. */
export async function readInputFile(path: string): Promise<LoadedInput> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new OAuthLensError('bad-input', `${path}: not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof OAuthLensError) throw error;
    throw new OAuthLensError('bad-input', `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (size > MAX_CLI_INPUT_BYTES) {
    throw new OAuthLensError('too-large', `${path}: file is ${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_CLI_INPUT_BYTES / 1048576} MB`);
  }
  const text = await readFile(path, 'utf8');
  return loadInputText(text, path, MAX_CLI_INPUT_BYTES);
}
