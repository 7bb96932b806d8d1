import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../cli/build';
import { figure, type Figure } from './figure';
import { generateHar } from './generate-har';

/**
 * Cold start of the compiled CLI (what `npm pack` ships, cli/build.ts): a whole
 * `oauth-lens analyze small.har --json` process against a bare `node -e 0` (budget ≤ 3).
 * Both run from an empty directory, interleaved, best of `runs` each.
 */
export async function benchCliStart(runs = 15, entries = 30): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-bench-cli-'));
  try {
    const { file: cli } = await buildCli(join(dir, 'dist'));
    const har = join(dir, 'small.har');
    writeFileSync(har, generateHar(entries));
    const time = (args: string[]): number => {
      const t = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: dir, stdio: 'ignore' });
      const elapsed = performance.now() - t;
      // 0 or 1 (findings): anything else would time an error path, not an analysis.
      if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${String(result.status)}`);
      return elapsed;
    };
    let floor = Infinity;
    let start = Infinity;
    for (let i = 0; i < runs; i++) {
      floor = Math.min(floor, time(['-e', '0']));
      start = Math.min(start, time([cli, 'analyze', har, '--json']));
    }
    return [figure(`CLI cold start: analyze --json of a ${entries}-entry HAR vs node -e 0`, start, 'ms', start / floor, 3)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
