import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoStartUrls, openDemoBrowser, PANEL_TITLE, type DemoBrowser } from './browser';
import { describeDemo, interactionFromArgs, onShutdown } from './console';
import { startDemo } from './index';
import { EXTENSION_ID } from '../build/extension-key';

/**
 * `npm start [-- --auto]`: builds the extension, starts the demo, and opens Chromium with the
 * extension loaded, DevTools open on the OAuth Lens panel (demo/browser.ts) and a fresh profile on
 * the options page and the sample app. Without a display the
 * servers keep running and the way to load the extension by hand is printed. Ctrl-C stops all.
 */
const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const CHROME = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';
const mode = interactionFromArgs(process.argv.slice(2));

await build();
const demo = await startDemo({ interaction: mode });
console.log(describeDemo(demo, mode));

let browser: DemoBrowser | null = null;
let stopping = false;

onShutdown(async () => {
  stopping = true;
  // Only the browser this script started; its profile goes with it.
  await browser?.close();
  await demo.close();
});

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(manualInstructions('No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser was opened.'));
} else if (!existsSync(CHROME)) {
  console.log(manualInstructions(`Chromium was not found at ${CHROME} (set CHROME_PATH).`));
} else {
  let told = false;
  const tell = (line: string) => {
    if (!told) console.log(line);
    told = true;
  };
  try {
    browser = await openDemoBrowser({
      chrome: CHROME,
      extensionDir: EXTENSION,
      urls: demoStartUrls(EXTENSION_ID, demo.rpUrl),
      onShown: () => tell(`DevTools shows the ${PANEL_TITLE} panel.`),
      onFailed: (error) => tell(`${error.message}; pick "${PANEL_TITLE}" in DevTools yourself (it may be behind »).`),
    });
    console.log(`Chromium started with the extension and DevTools open. Choose "Capture on all sites" on the OAuth Lens options tab first. Ctrl-C stops everything.`);
    browser.context.on('close', () => {
      if (!stopping) console.log('Chromium closed; the servers keep running until Ctrl-C.');
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(manualInstructions(`Chromium at ${CHROME} did not start (${reason}).`));
  }
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
