import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main';
import { figure, timeBest, type Figure } from './figure';
import { generateHar } from './generate-har';

/**
 * `oauth-lens analyze --json` on a generated HAR against the floor of reading + JSON.parse of the
 * same file (budget ≤ 2.0), and 4× the input against 1× (budget ≤ 4.4: linear).
 */
export async function benchAnalyze(entries = 10_000, runs = 4): Promise<Figure[]> {
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
    // Floor, 1× and 4× interleaved, best of `runs` each: drift on a shared machine hits all three.
    let tParse = Infinity;
    let tSmall = Infinity;
    let tLarge = Infinity;
    for (let i = 0; i < runs; i++) {
      tParse = Math.min(tParse, await timeBest(() => parse(small), 1));
      tSmall = Math.min(tSmall, await timeBest(() => analyze(small), 1));
      tLarge = Math.min(tLarge, await timeBest(() => analyze(large), 1));
    }
    const mb = readFileSync(small).length / 1048576;
    return [
      figure(`analyze ${entries} entries (${mb.toFixed(0)} MB) vs read+JSON.parse`, tSmall, 'ms', tSmall / tParse, 2.0),
      figure(`analyze ${entries * 4} entries vs ${entries} (linearity)`, tLarge, 'ms', tLarge / tSmall, 4.4),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
