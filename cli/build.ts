import { readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Compiles the CLI to one JavaScript file, `dist/oauth-lens.mjs`, with every library it uses
 * bundled in: the installed package needs no dependency and no TypeScript loader, and starts
 * without transpiling anything (`npm pack` runs this through `prepack`). Bundled libraries'
 * licenses go to `dist/THIRD-PARTY-LICENSES.txt`.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_ENTRY = 'oauth-lens.mjs';

export interface CliBuild {
  /** Absolute path of the compiled CLI. */
  file: string;
  bytes: number;
  /** Packages the bundle still imports at run time (must be the package's `dependencies`). */
  external: string[];
  /** Bundled packages (their licenses are in THIRD-PARTY-LICENSES.txt). */
  bundled: string[];
}

export async function buildCli(outdir = join(ROOT, 'dist')): Promise<CliBuild> {
  rmSync(outdir, { recursive: true, force: true });
  const file = join(outdir, CLI_ENTRY);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'cli', 'run.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Smaller is faster to start: parsing the bundle is most of a cold start.
    minify: true,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const bundled = [...new Set(inputs.map(packageOf).filter((p): p is string => p !== null))].sort();
  const external = [
    ...new Set(
      Object.values(result.metafile.outputs)
        .flatMap((o) => o.imports)
        .filter((i) => i.external && !i.path.startsWith('node:'))
        .map((i) => i.path),
    ),
  ].sort();
  writeFileSync(join(outdir, 'THIRD-PARTY-LICENSES.txt'), licenses(bundled));
  return { file, bytes: readFileSync(file).length, external, bundled };
}

/** `node_modules/@scope/name/…` or `node_modules/name/…` → the package name. */
function packageOf(input: string): string | null {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1]! : null;
}

function licenses(packages: readonly string[]): string {
  const sections = packages.map((name) => {
    const dir = join(ROOT, 'node_modules', name);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; license?: string };
    const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${meta.license ?? 'unknown'}`;
    return `${name} ${meta.version ?? ''}\n${'-'.repeat(name.length)}\n${text}\n`;
  });
  return `The OAuth Lens CLI bundles these packages:\n\n${sections.join('\n')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const built = await buildCli();
  console.log(`built ${built.file} (${(built.bytes / 1024).toFixed(0)} KB; bundled: ${built.bundled.join(', ') || 'nothing'})`);
}
