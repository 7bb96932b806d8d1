import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeDemo, interactionFromArgs, onShutdown } from './console';
import { startDemo } from './index';
import { EXTENSION_ID } from '../build/extension-key';

/**
 * `npm start [-- --auto]`: builds the extension, starts the demo, and opens Chromium with the
 * extension loaded, DevTools open and a fresh profile on the sample app. Without a display the
 * servers keep running and the way to load the extension by hand is printed. Ctrl-C stops all.
 */
const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const CHROME = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';
const mode = interactionFromArgs(process.argv.slice(2));

await build();
const demo = await startDemo({ interaction: mode });
console.log(describeDemo(demo, mode));

let browser: ChildProcess | null = null;
let profile: string | null = null;

onShutdown(async () => {
  // Only the browser this script started, by its own pid; its profile goes once it has exited.
  if (browser && browser.exitCode === null) {
    const exited = new Promise((done) => browser?.once('exit', done));
    browser.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  }
  await demo.close();
  if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 });
});

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(manualInstructions('No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser was opened.'));
} else if (!existsSync(CHROME)) {
  console.log(manualInstructions(`Chromium was not found at ${CHROME} (set CHROME_PATH).`));
} else {
  profile = await mkdtemp(join(tmpdir(), 'oauth-lens-demo-profile-'));
  browser = spawn(CHROME, chromeArgs(profile, demo.rpUrl), { stdio: 'ignore' });
  console.log(`Chromium started (pid ${browser.pid}) with the extension and DevTools open. Choose "Capture on all sites" on the OAuth Lens options tab first. Ctrl-C stops everything.`);
  browser.on('exit', () => {
    console.log('Chromium closed; the servers keep running until Ctrl-C.');
    browser = null;
  });
}

async function build(): Promise<void> {
  console.log('Building the extension (wxt build)…');
  const code = await new Promise<number | null>((done) => {
    const child = spawn('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', done);
    child.on('error', () => done(1));
  });
  if (code !== 0) {
    console.error('The extension build failed; fix it and run npm start again.');
    process.exit(1);
  }
}

function chromeArgs(profileDir: string, url: string): string[] {
  const args = [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${EXTENSION}`,
    `--load-extension=${EXTENSION}`,
    '--auto-open-devtools-for-tabs',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to run as root with its sandbox.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // The options page first: OAuth Lens captures nothing until site access is chosen there.
  return [...args, `chrome-extension://${EXTENSION_ID}/options.html`, url];
}

function manualInstructions(reason: string): string {
  return [
    reason,
    'The servers are running. To try the extension in your own Chrome or Chromium:',
    '  1. open chrome://extensions and switch on "Developer mode"',
    `  2. "Load unpacked" and choose ${EXTENSION}`,
    '  3. on the options page that opens (Details → Extension options), choose "Capture on all sites"',
    `  4. open ${demo.rpUrl}/ , open DevTools (F12) and pick the "OAuth Lens" panel`,
    'Press Ctrl-C to stop.',
  ].join('\n');
}
