import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Auto-imports are off: every file imports what it uses, so dependencies stay visible.
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'OAuth Lens',
    description: 'See why an OAuth 2.0 / OpenID Connect login failed, step by step.',
    // Firefox reads token-endpoint bodies with webRequest.filterResponseData, which needs blocking.
    permissions: ['webRequest', 'webNavigation', 'storage', 'tabs', ...(browser === 'firefox' ? ['webRequestBlocking'] : [])],
    // The badge (flows with errors) needs an action; WXT writes browser_action for MV2.
    action: { default_title: 'OAuth Lens' },
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the browser: captures stay local and exports are user-initiated files.
            gecko: { id: 'oauth-lens@oauth-lens.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
