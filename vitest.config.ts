import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Two projects: `unit` (fast, node + happy-dom) and `e2e` (real Chromium against the real provider).
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
          setupFiles: ['test/support/dom-timeouts.ts'],
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
    ],
  },
});
