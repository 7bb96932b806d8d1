import type { Plugin } from 'vite';

/**
 * popup.html without WXT's plugin loader. WXT puts a module script (`virtual:wxt-html-plugins`)
 * into every HTML page to run the WXT plugins of the config; OAuth Lens configures none, so in the
 * built popup it only carries Vite's modulepreload polyfill. The popup loads one classic script
 * (entrypoints/popup-script.tsx) instead, and that module was one more file to fetch and one more
 * module to run on every click of the toolbar button (~13 ms of the page's main thread in a
 * Chromium trace on a loaded 2-core machine: issue 15, open in under 100 ms).
 *
 * The pattern must match exactly once: a WXT update that changes the tag fails the build instead
 * of bringing the script back unnoticed.
 */
const LOADER = /<script type="module"[^>]*wxt-html-plugins[^>]*><\/script>\s*/g;

export function popupWithoutPluginLoader(): Plugin {
  return {
    name: 'oauth-lens:popup-without-plugin-loader',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!/\/popup(?:\/index)?\.html$/.test(ctx.path)) return html;
        const found = html.match(LOADER)?.length ?? 0;
        if (found !== 1) throw new Error(`build/popup-html.ts: expected WXT's plugin loader script once in ${ctx.path}, found it ${found} times`);
        return html.replace(LOADER, '');
      },
    },
  };
}
