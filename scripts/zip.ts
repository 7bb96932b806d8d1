import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STORE_BUILD_ENV } from '../build/extension-key';

/**
 * `npm run zip`: the store packages, versioned from package.json, in .output/:
 *   oauth-lens-<version>-chrome.zip   Chrome Web Store upload (no manifest `key`: the store assigns the id)
 *   oauth-lens-<version>-firefox.zip  addons.mozilla.org upload
 *   oauth-lens-<version>-sources.zip  the sources AMO reviewers rebuild the add-on from
 * built from .output/chrome-mv3-store and .output/firefox-mv2-store (the dev builds stay as they are).
 * test/e2e/store-packages.test.ts runs this, lints the Firefox zip (web-ext lint: 0 errors, 0
 * warnings) and logs in with the unzipped Chrome package in Chromium.
 */
const root = resolve(import.meta.dirname, '..');
const wxt = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(wxt, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`wxt ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const env = { ...process.env, [STORE_BUILD_ENV]: '1' };
run(['zip'], env);
run(['zip', '-b', 'firefox'], env);

const out = join(root, '.output');
for (const name of readdirSync(out).filter((n) => n.endsWith('.zip')).sort()) {
  console.log(`${name}  ${(statSync(join(out, name)).size / 1024).toFixed(0)} KB`);
}
