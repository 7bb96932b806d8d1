import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildCli } from '../../cli/build';

/**
 * The CLI as `npm pack` ships it (cli/build.ts), compiled once for the calling test file into a
 * temporary folder: tests that run it as a process start it in a fraction of what the sources
 * through tsx take. `cli.file` is set once beforeAll has run; `cli.dir` is an empty folder outside
 * the repository to run it from.
 */
export function useCompiledCli(): { file: string; dir: string } {
  const cli = { file: '', dir: mkdtempSync(join(tmpdir(), 'oauth-lens-compiled-')) };
  beforeAll(async () => {
    cli.file = (await buildCli(join(cli.dir, 'dist'))).file;
  }, 120_000);
  afterAll(() => rmSync(cli.dir, { recursive: true, force: true }));
  return cli;
}
