import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { OAuthLensError } from '../lib/errors';
import { HarStreamLoader } from '../lib/trace/har-stream-load';
import { MAX_CLI_INPUT_BYTES, type LoadedInput } from '../lib/trace/load';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Read a trace or HAR from disk; the size is checked first. The file is streamed: a HAR's entries
 * are parsed one at a time and only what can belong to a flow is kept (issue 12), so a 200 MB HAR
 * never sits in memory whole.
 */
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
  const loader = new HarStreamLoader(path);
  let fd: number | null = null;
  try {
    // Plain blocking reads into a fresh buffer each (the loader keeps slices of a chunk across
    // chunk boundaries): a read stream cost several times more per megabyte here (issue 16), and
    // the CLI has nothing else to do meanwhile.
    fd = openSync(path, 'r');
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      loader.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
  } catch (error) {
    if (error instanceof OAuthLensError) throw error;
    throw new OAuthLensError('bad-input', `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return loader.end();
}
