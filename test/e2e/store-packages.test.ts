import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EXTENSION_ID } from '../../build/extension-key';
import { e2eLifecycle, expectNoneEverywhere, expectOnlyFlow, type FlowExpectation } from './harness';
import { runScenario } from './run';

/**
 * `npm run zip` as a release would run it: the three zips exist and are named after
 * package.json's version, the Firefox add-on passes `web-ext lint` with 0 errors and 0 warnings,
 * and the Chrome Web Store zip, unzipped as the store would, loads in Debian Chromium and
 * captures one real login against the demo provider.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const OUTPUT = join(ROOT, '.output');
const VERSION = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).version;
const ZIPS = {
  chrome: join(OUTPUT, `oauth-lens-${VERSION}-chrome.zip`),
  firefox: join(OUTPUT, `oauth-lens-${VERSION}-firefox.zip`),
  sources: join(OUTPUT, `oauth-lens-${VERSION}-sources.zip`),
};

const LintReportSchema = z.object({
  summary: z.object({ errors: z.number(), warnings: z.number(), notices: z.number() }),
  errors: z.array(z.object({ code: z.string(), message: z.string(), file: z.string().optional() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string().optional() })),
});

const { demos, keep } = e2eLifecycle();
let tmp: string;

/** Writes every entry of a zip under `dir` (the store unpacks uploads the same way). */
async function unzipTo(zip: string, dir: string): Promise<void> {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    const path = resolve(dir, name);
    if (!path.startsWith(`${dir}/`)) throw new Error(`zip entry outside the folder: ${name}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'oauth-lens-zips-'));
  for (const zip of Object.values(ZIPS)) await rm(zip, { force: true });
  const zipped = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'zip.ts')], { cwd: ROOT, encoding: 'utf8' });
  if (zipped.status !== 0) throw new Error(`npm run zip failed (exit ${zipped.status}):\n${zipped.stdout}\n${zipped.stderr}`);
}, 300_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('store packages (npm run zip)', () => {
  it('writes the Chrome, Firefox and sources zips named after the package version', () => {
    for (const zip of Object.values(ZIPS)) expect(existsSync(zip), zip).toBe(true);
    const sources = Object.keys(unzipSync(readFileSync(ZIPS.sources)));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'PRIVACY.md']));
    expect(sources.filter((n) => n.startsWith('node_modules/') || n.startsWith('.output/'))).toEqual([]);
  });

  it('the Firefox add-on passes web-ext lint with 0 errors and 0 warnings', async () => {
    const dir = join(tmp, 'firefox');
    await unzipTo(ZIPS.firefox, dir);
    const lint = spawnSync(join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
      cwd: tmp,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = LintReportSchema.parse(JSON.parse(lint.stdout));
    const problems = [...report.errors, ...report.warnings].map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(problems).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 120_000);

  it('the Chrome zip carries the package version and no manifest key (the store assigns the id)', () => {
    const manifest = z
      .object({ manifest_version: z.literal(3), version: z.string(), key: z.string().optional() })
      .parse(JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(ZIPS.chrome))['manifest.json'])));
    expect(manifest.version).toBe(VERSION);
    expect(manifest.key).toBeUndefined();
  });

  it('the unzipped Chrome package loads in Chromium and captures a real login against the demo', async () => {
    const dir = join(tmp, 'chrome');
    await unzipTo(ZIPS.chrome, dir);
    const want: FlowExpectation = {
      clientId: 'demo-web',
      grant: 'authorization_code',
      outcome: 'success',
      steps: ['authorize', 'callback'],
      checks: ['token-exchange-not-observable'],
      noErrors: true,
    };
    const run = await runScenario('confidential-success', await demos.get('auto'), [want], { extensionDir: dir, onSession: keep });
    // Loaded from the store package, not the dev build: no key, so Chromium derived another id.
    expect(run.session.chromium!.extensionId).not.toBe(EXTENSION_ID);
    expectOnlyFlow(run.analysis, want);
    expectNoneEverywhere(run.analysis);

    // What Chromium warns about at install, asked of Chromium itself
    // (chrome.management.getPermissionWarningsByManifest needs no permission): "scripting", which
    // reads an authorization server's error page (entrypoints/background/page-text.ts), adds nothing.
    const manifest = z.object({ permissions: z.array(z.string()) }).passthrough().parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    expect(manifest.permissions).toContain('scripting');
    const page = await run.session.page();
    const warnings = (m: object) =>
      page.evaluate(
        (text) => (globalThis as unknown as { chrome: { management: { getPermissionWarningsByManifest(s: string): Promise<string[]> } } }).chrome.management.getPermissionWarningsByManifest(text),
        JSON.stringify(m),
      );
    // The optional site access is asked for later, on the options page: at install Chromium shows
    // the warnings of the manifest without it (it would otherwise cover the others).
    const { optional_host_permissions: _later, ...install } = manifest;
    const withScripting = await warnings(install);
    console.log(`install warnings of the Chrome package: ${JSON.stringify(withScripting)}; with site access granted: ${JSON.stringify(await warnings(manifest))}`);
    expect(withScripting).toEqual(await warnings({ ...install, permissions: install.permissions.filter((p) => p !== 'scripting') }));
    // A permission that does warn shows up, so the comparison above can fail.
    expect((await warnings({ ...install, permissions: [...install.permissions, 'bookmarks'] })).length).toBeGreaterThan(withScripting.length);
  });
});
