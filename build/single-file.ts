import type { Plugin, Rollup } from 'vite';

/**
 * Vite plugins for the standalone viewer (standalone/vite.config.ts): one HTML file with
 * everything inline, no extension API.
 */

/** Fails the build when anything in the standalone graph reaches for the extension APIs. */
export function noExtensionApis(): Plugin {
  return {
    name: 'oauth-lens:no-extension-apis',
    enforce: 'pre',
    resolveId(source, importer) {
      if (/^(?:wxt|@wxt-dev)(?:\/|$)|webextension-polyfill|use-bridge/.test(source)) {
        throw new Error(`the standalone viewer must not use extension APIs: ${importer ?? '?'} imports ${source}`);
      }
      return null;
    },
  };
}

const WORKER_SPAWN = "new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })";

/**
 * The import worker, which the extension loads from its own file, is inlined (Vite's
 * `?worker&inline`: a blob URL made from the bundled worker), since a page opened from file://
 * cannot start a worker from another file.
 */
export function inlineImportWorker(): Plugin {
  return {
    name: 'oauth-lens:inline-import-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!/components\/platform\/importer\.ts$/.test(id.split('?')[0]!.replace(/\\/g, '/'))) return null;
      const count = code.split(WORKER_SPAWN).length - 1;
      if (count !== 1) throw new Error(`inline-import-worker: expected the worker spawn once in ${id}, found it ${count} times; update build/single-file.ts`);
      return { code: `import OAuthLensImportWorker from './import-worker.ts?worker&inline';\n${code.replace(WORKER_SPAWN, 'new OAuthLensImportWorker()')}`, map: null };
    },
  };
}

/** `</script` or `</style` inside inlined code would close the element early. */
const escapeClosing = (code: string, tag: 'script' | 'style') => code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');

/** Moves every script chunk and stylesheet of the bundle into the HTML page, renamed `fileName`. */
export function singleFile(fileName: string): Plugin {
  return {
    name: 'oauth-lens:single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.html'));
      if (!html) throw new Error('single-file: the build produced no HTML page');
      let page = String(html.source);
      for (const file of Object.values(bundle)) {
        if (file === html) continue;
        const ref = new RegExp(`<(script|link)\\b[^>]*?(?:src|href)="\\./${file.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>(?:</script>)?`);
        const tag = ref.exec(page);
        if (file.type === 'chunk') {
          if (!tag) throw new Error(`single-file: ${file.fileName} is not referenced by the page (more than one chunk?)`);
          page = page.replace(tag[0], () => `<script type="module">${escapeClosing((file as Rollup.OutputChunk).code, 'script')}</script>`);
        } else if (file.fileName.endsWith('.css')) {
          if (!tag) throw new Error(`single-file: ${file.fileName} is not referenced by the page`);
          page = page.replace(tag[0], () => `<style>${escapeClosing(String(file.source), 'style')}</style>`);
        } else {
          throw new Error(`single-file: ${file.fileName} would be a separate file; inline it`);
        }
        delete bundle[file.fileName];
      }
      delete bundle[html.fileName];
      this.emitFile({ type: 'asset', fileName, source: page });
    },
  };
}
