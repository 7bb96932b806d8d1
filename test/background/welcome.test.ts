import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerWelcome, WELCOME_PATH, type WelcomeApi } from '../../entrypoints/background/welcome';

// The welcome page opens once: on a first install, never on an update or a browser update.
beforeEach(() => fakeBrowser.reset());

async function tabsAfter(reason: string): Promise<string[]> {
  registerWelcome(fakeBrowser as unknown as WelcomeApi);
  await fakeBrowser.runtime.onInstalled.trigger({ reason } as Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0]);
  return (await fakeBrowser.tabs.query({})).map((t) => t.url ?? '');
}

describe('welcome page on install', () => {
  it('opens welcome.html after a first install', async () => {
    const urls = await tabsAfter('install');
    expect(urls.filter((u) => u.endsWith(WELCOME_PATH))).toHaveLength(1);
  });
  for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
    it(`does not reopen it on ${reason}`, async () => {
      expect((await tabsAfter(reason)).filter((u) => u.endsWith(WELCOME_PATH))).toEqual([]);
    });
  }
});
