import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IGNORED_RESOURCE_TYPES } from '../lib/capture/prefilter';

/**
 * The ablation extensions of the page-load bench, written to a temporary folder: what it costs
 * to be an MV3 extension at all, and what the webRequest listeners cost before our code runs.
 *
 * - `empty-worker`: a service worker that does nothing, no permissions.
 * - `empty-listeners`: the same six webRequest listeners OAuth Lens registers
 *   (entrypoints/background/listeners.ts), with the same resource-type filter and the same
 *   `extraHeaders`/`requestBody` options, each doing nothing.
 */
export type Ablation = 'empty-worker' | 'empty-listeners';

const EMPTY_LISTENERS = `
const ignored = new Set(${JSON.stringify(IGNORED_RESOURCE_TYPES)});
const types = Object.values(chrome.webRequest.ResourceType).filter((t) => !ignored.has(t));
const filter = { urls: ['<all_urls>'], types };
const noop = () => undefined;
const wr = chrome.webRequest;
wr.onBeforeRequest.addListener(noop, filter, ['requestBody']);
wr.onBeforeSendHeaders.addListener(noop, filter, ['requestHeaders', 'extraHeaders']);
wr.onHeadersReceived.addListener(noop, filter, ['responseHeaders', 'extraHeaders']);
wr.onBeforeRedirect.addListener(noop, filter, ['responseHeaders', 'extraHeaders']);
wr.onCompleted.addListener(noop, filter, ['responseHeaders', 'extraHeaders']);
wr.onErrorOccurred.addListener(noop, filter);
`;

export function writeAblation(kind: Ablation): string {
  const dir = mkdtempSync(join(tmpdir(), `oauth-lens-bench-${kind}-`));
  const listeners = kind === 'empty-listeners';
  const manifest = {
    manifest_version: 3,
    name: `bench ${kind}`,
    version: '1.0.0',
    background: { service_worker: 'sw.js' },
    ...(listeners ? { permissions: ['webRequest'], host_permissions: ['<all_urls>'] } : {}),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'sw.js'), listeners ? EMPTY_LISTENERS : '// intentionally empty\n');
  return dir;
}
