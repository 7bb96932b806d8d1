import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Three projects: `unit` (fast, node + happy-dom), `e2e` (real Chromium against the real provider)
// and `e2e-firefox` (the browser-neutral e2e files again, in real Firefox ESR).
const FIREFOX_E2E = [
  'test/e2e/scenarios-*.test.ts',
  'test/e2e/panel.test.ts',
  'test/e2e/export.test.ts',
  'test/e2e/site-access.test.ts',
];

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Tests that spawn the CLI pay a process start-up; on a loaded 2-core machine 5 s is too tight.
          testTimeout: 30_000,
          setupFiles: ['test/support/dom-timeouts.ts', 'test/support/fake-browser-reset.ts'],
          // Vitest empties CSS imports by default; the badge reads its colours from palette.css?raw.
          css: { include: [/components\/palette\.css/] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Bounds against a hang, not speed targets: with DevTools auto-opened, a login takes
          // 15–60 s on a loaded 2-core machine (DevTools alone can need 20 s to load).
          testTimeout: 150_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The same scenario files in Firefox ESR (test/support/firefox.ts); Chromium-only files
          // (service worker stopped through CDP, the viewer's file inputs) stay in `e2e`.
          name: 'e2e-firefox',
          include: FIREFOX_E2E,
          env: { OAUTH_LENS_E2E_BROWSER: 'firefox' },
          environment: 'node',
          // A bound against a hang: Firefox launches take 10–20 s on a loaded 2-core machine.
          testTimeout: 150_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
