import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { EXTENSION_PUBLIC_KEY, STORE_BUILD_ENV } from './build/extension-key';
import { lintSafe } from './build/lint-safe';
import { popupWithoutPluginLoader } from './build/popup-html';

// Auto-imports are off: every file imports what it uses, so dependencies stay visible.
export default defineConfig({
  imports: false,
  // `browser.*` is webextension-polyfill's promise API in Chrome and Firefox alike.
  modules: ['@wxt-dev/webextension-polyfill'],
  // The import worker is a separate Vite build with its own plugin list.
  vite: () => ({ plugins: [preact(), lintSafe(), popupWithoutPluginLoader()], worker: { plugins: () => [lintSafe()] } }),
  // `npm run zip` builds into chrome-mv3-store/ and firefox-mv2-store/, leaving the dev builds
  // (with the fixed `key`) that `npm start` and the e2e tests load untouched.
  ...(process.env[STORE_BUILD_ENV] ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-store' } : {}),
  zip: {
    // Versioned from package.json: oauth-lens-<version>-chrome.zip, -firefox.zip, -sources.zip.
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    // The sources zip is what addons.mozilla.org reviewers rebuild from: no test output or local files.
    excludeSources: ['test-results/**', 'docs/screenshots/**', '.ci-*/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'OAuth Lens',
    description: 'See why an OAuth 2.0 / OpenID Connect login failed, step by step.',
    // A fixed id for unpacked Chrome installs (build/extension-key.ts); never in the store upload.
    ...(browser !== 'firefox' && !process.env[STORE_BUILD_ENV] ? { key: EXTENSION_PUBLIC_KEY } : {}),
    // Firefox reads token-endpoint bodies with webRequest.filterResponseData, which needs blocking.
    // Chrome reads an authorization server's error page as text with scripting.executeScript
    // (entrypoints/background/page-text.ts); "scripting" adds no install warning (test/e2e/store-packages.test.ts).
    permissions: ['webRequest', 'webNavigation', 'storage', 'tabs', ...(browser === 'firefox' ? ['webRequestBlocking'] : ['scripting'])],
    // The badge (flows with errors) needs an action; WXT writes browser_action for MV2.
    action: { default_title: 'OAuth Lens' },
    // Site access is the user's choice (options page): nothing is granted at install, and the
    // options page asks for all http(s) sites (the default) or for single sites. A wary user can
    // say no, and the browser itself then keeps every request of other sites away from OAuth Lens.
    // Firefox MV2 lists optional origins under optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the browser: captures stay local and exports are user-initiated files.
            gecko: { id: 'oauth-lens@oauth-lens.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // data_collection_permissions exists from Firefox for Android 142 (desktop: 140, ESR).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
