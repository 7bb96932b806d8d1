import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../cli/build';
import { main } from '../../cli/main';

// The CLI as a user gets it: `npm pack`, installed from the tarball into an empty prefix (so no
// dev dependency and no TypeScript loader exists), run from a directory unrelated to the repository.

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
const HAR = resolve(ROOT, 'test/fixtures/har/forged-state.har');
const execFileAsync = promisify(execFile);

const work = mkdtempSync(join(tmpdir(), 'oauth-lens-pack-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
const bin = join(prefix, 'bin', 'oauth-lens');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the installed CLI from `elsewhere` with nothing pointing back at the repository. */
function runInstalled(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: work };
  return new Promise((done, fail) => {
    const child = spawn(bin, args, { cwd: elsewhere, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await main(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) });
  return { code, ...out };
}

beforeAll(async () => {
  mkdirSync(elsewhere);
  // `npm pack` runs prepack (npm run build:cli) itself; prepack is run here and pack told to
  // skip scripts so that `prepare` (wxt prepare) does not rewrite .wxt/ under other test files.
  await execFileAsync('npm', ['run', 'prepack'], { cwd: ROOT });
  await execFileAsync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
  const tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
  await execFileAsync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: work });
}, 300_000);

describe('the packed CLI', () => {
  it('installs as compiled JavaScript with no dependency: no sources, no node_modules', () => {
    const installed = join(prefix, 'lib', 'node_modules', pkg.name);
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'dist', 'package.json']);
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['THIRD-PARTY-LICENSES.txt', 'oauth-lens.mjs']);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('analyze --json from another directory prints what the sources print, with the same exit status', async () => {
    const expected = await inProcess(['analyze', HAR, '--json']);
    const got = await runInstalled(['analyze', HAR, '--json']);
    expect(got.stderr).toBe('');
    expect(got.code).toBe(expected.code);
    expect(got.stdout).toBe(expected.stdout);
    expect(JSON.parse(got.stdout).flows.length).toBeGreaterThan(0);
  });

  it('reads standard input, prints its version, and says what is wrong with an unknown option in one line', async () => {
    const fromStdin = await runInstalled(['analyze', '-', '--json'], readFileSync(HAR, 'utf8'));
    expect(fromStdin.stdout).toBe((await inProcess(['analyze', HAR, '--json'])).stdout);
    expect(await runInstalled(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const wrong = await runInstalled(['analyze', HAR, '--nope']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('oauth-lens: unknown option --nope; see oauth-lens analyze --help\n');
  });

  it("needs at run time exactly the package's dependencies (the bundle imports nothing else)", async () => {
    const built = await buildCli(join(work, 'dist-check'));
    expect(built.external).toEqual(Object.keys(pkg.dependencies ?? {}).sort());
  });
});
