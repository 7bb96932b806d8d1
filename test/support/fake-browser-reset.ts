import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * `fakeBrowser.reset()` resets each namespace that has a `resetState()`. In
 * @webext-core/fake-browser 2.0.1 webNavigation (events only) has none, so the listeners one test
 * registered (entrypoints/background/listeners.ts adds four, five in Chrome) stayed for every later test in the
 * file, and a webNavigation event fired in a test would reach all of them. Give it one, so
 * `reset()` clears it like the other namespaces. A unit setup file: every test file gets it.
 */
const nav = fakeBrowser.webNavigation;
if (!('resetState' in nav)) {
  Object.assign(nav, {
    resetState(): void {
      for (const event of Object.values(nav)) if (typeof event === 'object' && event !== null && 'removeAllListeners' in event) event.removeAllListeners();
    },
  });
}
