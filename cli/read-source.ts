import { OAuthLensError } from '../lib/errors';
import { loadInputText, MAX_CLI_INPUT_BYTES, type LoadedInput } from '../lib/trace/load';
import { readInputFile } from './read-input';

/** The name `-` stands for standard input, as in most Unix tools. */
export const STDIN = '-';

/** How an input is named in messages and in multi-file output. */
export function displayName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}

/** Read a trace or HAR from a file, or from standard input when `path` is `-`. */
export async function readInput(path: string, stdin: AsyncIterable<Uint8Array | string> = process.stdin): Promise<LoadedInput> {
  if (path !== STDIN) return readInputFile(path);
  return loadInputText(await readStream(stdin, 'stdin'), 'stdin', MAX_CLI_INPUT_BYTES);
}

/** The whole stream as UTF-8 text; refused as soon as it passes the CLI's input limit. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, name: string, maxBytes = MAX_CLI_INPUT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buffer.length;
    if (bytes > maxBytes) throw new OAuthLensError('too-large', `${name}: more than ${maxBytes / 1048576} MB; the limit is ${maxBytes / 1048576} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
