import { createReadStream } from 'node:fs';
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
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) loader.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof OAuthLensError) throw error;
    throw new OAuthLensError('bad-input', `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return loader.end();
}
