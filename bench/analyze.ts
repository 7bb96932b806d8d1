import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main';
import { figure, median, timeBest, type Figure } from './figure';
import { generateHar, generatePagesHar } from './generate-har';

/**
 * `oauth-lens analyze --json` on a generated HAR against the floor of reading + JSON.parse of the
 * same file (budget ≤ 1.6), and 4× the input against 1× (budget ≤ 4.4: linear). Issue 16: the
 * median of `runs` interleaved runs of each, after one warm-up, so one busy moment on a shared
 * machine does not decide a figure.
 */
export async function benchAnalyze(entries = 10_000, runs = 5): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-bench-'));
  try {
    const small = join(dir, 'small.har');
    const large = join(dir, 'large.har');
    writeFileSync(small, generateHar(entries));
    writeFileSync(large, generateHar(entries * 4, 7));
    const io = { stdout: () => {}, stderr: (s: string) => process.stderr.write(s) };
    const analyze = (path: string) => main(['analyze', path, '--json'], io);
    // The floor reads the way the CLI does (async readFile with utf8 measured fastest here).
    const parse = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
    await parse(small);
    await analyze(small);
    // Floor, 1× and 4× interleaved: drift on a shared machine hits all three.
    const tParse: number[] = [];
    const tSmall: number[] = [];
    const tLarge: number[] = [];
    for (let i = 0; i < runs; i++) {
      tParse.push(await timeBest(() => parse(small), 1));
      tSmall.push(await timeBest(() => analyze(small), 1));
      tLarge.push(await timeBest(() => analyze(large), 1));
    }
    const [floor, one, four] = [median(tParse), median(tSmall), median(tLarge)];
    const mb = readFileSync(small).length / 1048576;
    return [
      figure(`analyze ${entries} entries (${mb.toFixed(0)} MB) vs read+JSON.parse, median of ${runs}`, one, 'ms', one / floor, 1.6),
      figure(`analyze ${entries * 4} entries vs ${entries} (linearity), median of ${runs}`, four, 'ms', four / one, 4.4),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 12: `analyze --json` of a HAR with 4× the pages (each page a login, each first document
 * with a Referer) against 1× (budget ≤ 4.4: linear in pages, not quadratic).
 */
export async function benchPages(pages = 5_000, runs = 2): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-bench-'));
  try {
    const small = join(dir, 'small.har');
    const large = join(dir, 'large.har');
    writeFileSync(small, generatePagesHar(pages));
    writeFileSync(large, generatePagesHar(pages * 4));
    const io = { stdout: () => {}, stderr: (s: string) => process.stderr.write(s) };
    const analyze = (path: string) => main(['analyze', path, '--json'], io);
    let tSmall = Infinity;
    let tLarge = Infinity;
    for (let i = 0; i < runs; i++) {
      tSmall = Math.min(tSmall, await timeBest(() => analyze(small), 1));
      tLarge = Math.min(tLarge, await timeBest(() => analyze(large), 1));
    }
    return [figure(`analyze ${pages * 4} pages vs ${pages} pages (linearity)`, tLarge, 'ms', tLarge / tSmall, 4.4)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 12: `oauth-lens analyze --json` on a generated HAR of about `megabytes` MB, in a child
 * process: its peak RSS (budget 300 MB; the ratio is against that budget), and its time against
 * the floor of a child that only reads the file and `JSON.parse`s it (budget ≤ 2.0, the
 * `analyze` row's read + parse budget).
 */
export async function benchBigHarMemory(megabytes = 200): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-bench-'));
  try {
    const path = join(dir, 'big.har');
    // generateHar writes about 5.2 KB per entry.
    writeFileSync(path, generateHar(Math.round((megabytes * 1048576) / 5_200)));
    const size = statSync(path).size / 1048576;
    const bin = join(import.meta.dirname, '..', 'bin', 'oauth-lens');
    // Exit 1 is an answer (flows with errors), not a failure.
    const analyze = childRun(bin, ['analyze', path, '--json'], [0, 1]);
    const floor = childRun(process.execPath, ['-e', 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))', path]);
    return [
      figure(`peak RSS of analyze on a ${size.toFixed(0)} MB HAR (budget 300 MB)`, analyze.peakMb, 'MB', analyze.peakMb / 300, 1.0),
      figure(`analyze of the ${size.toFixed(0)} MB HAR vs read+JSON.parse (peak ${floor.peakMb.toFixed(0)} MB)`, analyze.ms, 'ms', analyze.ms / floor.ms, 2.0),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time (ms) and peak resident memory (MB) of a child process (GNU time's `%M`, KB); another exit than `okExits` throws. */
function childRun(command: string, args: string[], okExits: readonly number[] = [0]): { ms: number; peakMb: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (!okExits.includes(result.status ?? -1)) throw new Error(`${command} exited ${result.status}: ${(result.stderr ?? '').slice(-500)}`);
  const kb = Number(/(\d+)\s*$/.exec(result.stderr ?? '')?.[1]);
  return { ms, peakMb: kb / 1024 };
}
