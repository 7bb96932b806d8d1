import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../cli/build';
import { figure, type Figure } from './figure';
import { generateHar } from './generate-har';

/**
 * Cold start of the compiled CLI (what `npm pack` ships, cli/build.ts): a whole
 * `oauth-lens analyze small.har --json` process against a bare `node -e 0` (budget ≤ 3), both run
 * from an empty directory, interleaved, best of `runs` each.
 *
 * The budgeted ratio is of CPU time (user + system, the whole process from start to exit, read by
 * a preload that both sides get): on a machine shared by many jobs, wall time mostly measures
 * how long a process waited for a core, and a process that needs twice the CPU waits more than
 * twice as long. Wall times are printed in the figure's name.
 */
export async function benchCliStart(runs = 15, entries = 30): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-bench-cli-'));
  try {
    const { file: cli } = await buildCli(join(dir, 'dist'));
    const har = join(dir, 'small.har');
    writeFileSync(har, generateHar(entries));
    const preload = join(dir, 'cpu.mjs');
    writeFileSync(preload, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\ncpu-us ${u.user + u.system}\\n`); });\n");
    const time = (args: string[]): { wall: number; cpu: number } => {
      const t = performance.now();
      const result = spawnSync(process.execPath, ['--import', preload, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      const wall = performance.now() - t;
      // 0 or 1 (findings): anything else would time an error path, not an analysis.
      if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${String(result.status)}: ${result.stderr.slice(0, 200)}`);
      const cpu = /cpu-us (\d+)\s*$/.exec(result.stderr);
      if (!cpu) throw new Error(`${args.join(' ')} reported no CPU time`);
      return { wall, cpu: Number(cpu[1]) / 1000 };
    };
    const best = { floor: { wall: Infinity, cpu: Infinity }, cli: { wall: Infinity, cpu: Infinity } };
    const keep = (into: { wall: number; cpu: number }, t: { wall: number; cpu: number }) => {
      into.wall = Math.min(into.wall, t.wall);
      into.cpu = Math.min(into.cpu, t.cpu);
    };
    for (let i = 0; i < runs; i++) {
      keep(best.floor, time(['-e', '0']));
      keep(best.cli, time([cli, 'analyze', har, '--json']));
    }
    const wall = `wall ${best.cli.wall.toFixed(0)} vs ${best.floor.wall.toFixed(0)} ms`;
    return [figure(`CLI cold start, CPU time: analyze --json of a ${entries}-entry HAR vs node -e 0 (${wall})`, best.cli.cpu, 'ms', best.cli.cpu / best.floor.cpu, 3)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
