import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { lintSafe } from '../build/lint-safe.ts';
import { inlineImportWorker, noExtensionApis, singleFile } from '../build/single-file.ts';

/**
 * `npm run build:viewer`: the viewer as ONE self-contained HTML file,
 * .output/standalone/oauth-lens-viewer.html (scripts, styles and the import worker inline), that
 * works from file:// or any static host.
 */
const root = import.meta.dirname;
const plugins = (): Plugin[] => [lintSafe()];

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [preact(), noExtensionApis(), inlineImportWorker(), ...plugins(), singleFile('oauth-lens-viewer.html')],
  worker: { format: 'es', plugins },
  build: {
    outDir: resolve(root, '..', '.output', 'standalone'),
    emptyOutDir: true,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
