import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IGNORED_RESOURCE_TYPES } from '../lib/capture/prefilter';
import { navigationFilters } from '../lib/site-access/navigation-filter';
import { ALL_SITES, siteAccessOf } from '../lib/site-access/patterns';

/**
 * The ablation extensions of the page-load bench, written to a temporary folder: what it costs
 * to be an MV3 extension at all, what the webRequest listeners cost before our code runs, and
 * (`npm run bench -- page-load-mechanism`) which part of having webRequest makes pages slower.
 *
 * - `empty-worker`: a service worker that does nothing, no permissions.
 * - `empty-listeners`: OAuth Lens's twin without its code: the same permissions and every listener
 *   OAuth Lens registers (entrypoints/background/listeners.ts, site-access.ts) — the six webRequest
 *   listeners with the same resource-type filter and the same `requestBody`/`requestHeaders`/
 *   `responseHeaders`/`extraHeaders` options, for every site, and the same webNavigation, tabs,
 *   runtime and permissions listeners — each doing nothing. It differs from OAuth Lens only by the
 *   work our listeners do.
 * - `limited-listeners`: the same twin for OAuth Lens limited to one other site: the webRequest
 *   listeners for that site only (`NARROW_SITE`, the site OAuth Lens is granted there), with
 *   `extraHeaders`, the webNavigation listeners with the URL filter OAuth Lens uses for that
 *   site, the tabs, runtime and permissions listeners as OAuth Lens has them. Chromium's cost of
 *   `extraHeaders` does not depend on the URL filter: once any listener of the profile asks for it
 *   (`HasAnyExtraHeadersListener`), every request is started with the network service's header
 *   client (`kURLLoadOptionUseHeaderClient`), whose per-request round trips to the browser process
 *   run for requests no listener matches too.
 * - `webrequest-permission`: the `webRequest` permission and every site, no listener at all.
 * - `narrow-listeners`: the six listeners for another site only (`NARROW_SITE`, not the page's).
 * - `narrow-listeners-no-extra`: the same without `extraHeaders`.
 * - `navigation-only`: no `webRequest` permission; OAuth Lens's other listeners (webNavigation,
 *   tabs, runtime, permissions), every site.
 */
export type Ablation = 'empty-worker' | 'empty-listeners' | 'limited-listeners' | 'webrequest-permission' | 'narrow-listeners' | 'narrow-listeners-no-extra' | 'navigation-only';

/** The site the narrow ablations listen to: the bench page is served from 127.0.0.1. */
export const NARROW_SITE = 'http://localhost/*';

const listeners = (urls: string[], extra: boolean) => `
const ignored = new Set(${JSON.stringify(IGNORED_RESOURCE_TYPES)});
const types = Object.values(chrome.webRequest.ResourceType).filter((t) => !ignored.has(t));
const filter = { urls: ${JSON.stringify(urls)}, types };
const extra = ${extra ? "['extraHeaders']" : '[]'};
const noop = () => undefined;
const wr = chrome.webRequest;
wr.onBeforeRequest.addListener(noop, filter, ['requestBody']);
wr.onBeforeSendHeaders.addListener(noop, filter, ['requestHeaders', ...extra]);
wr.onHeadersReceived.addListener(noop, filter, ['responseHeaders', ...extra]);
wr.onBeforeRedirect.addListener(noop, filter, ['responseHeaders', ...extra]);
wr.onCompleted.addListener(noop, filter, ['responseHeaders', ...extra]);
wr.onErrorOccurred.addListener(noop, filter);
`;

/**
 * Every other listener OAuth Lens registers in Chromium, in the same number: webNavigation for
 * the capture (4), onCommitted and onDOMContentLoaded for answer recovery and onDOMContentLoaded
 * for page text (3), tabs.onRemoved, runtime messages and ports, and the site-access gate's
 * permission events. The webNavigation listeners carry the URL filter OAuth Lens gives them for
 * the same granted sites (lib/site-access/navigation-filter.ts; none for all sites).
 */
const otherListeners = (sites: string[]) => {
  const filters = navigationFilters(siteAccessOf(sites));
  const options = filters === undefined ? '' : `, ${JSON.stringify({ url: filters })}`;
  return `
const nav = chrome.webNavigation;
nav.onCommitted.addListener(noop${options});
nav.onReferenceFragmentUpdated.addListener(noop${options});
nav.onHistoryStateUpdated.addListener(noop${options});
nav.onCreatedNavigationTarget.addListener(noop${options});
nav.onDOMContentLoaded.addListener(noop${options});
nav.onCommitted.addListener(noop${options});
nav.onDOMContentLoaded.addListener(noop${options});
chrome.tabs.onRemoved.addListener(noop);
chrome.runtime.onMessage.addListener(noop);
chrome.runtime.onConnect.addListener(noop);
chrome.permissions.onAdded.addListener(noop);
chrome.permissions.onRemoved.addListener(noop);
`;
};

const NAVIGATION_ONLY = `
const noop = () => undefined;
${otherListeners([ALL_SITES])}`;

const ALL = ['<all_urls>'];
const WEB_REQUEST = { permissions: ['webRequest'], host_permissions: ALL };
/** OAuth Lens's Chromium permissions (wxt.config.ts), with the sites granted as host permissions. */
const OAUTH_LENS_PERMISSIONS = ['webRequest', 'webNavigation', 'storage', 'tabs', 'scripting'];
const twin = (sites: string[]) => ({
  manifest: { permissions: OAUTH_LENS_PERMISSIONS, host_permissions: sites },
  script: `${listeners(sites, true)}${otherListeners(sites)}`,
});

const KINDS: Record<Ablation, { manifest: object; script: string }> = {
  'empty-worker': { manifest: {}, script: '// intentionally empty\n' },
  'empty-listeners': twin([ALL_SITES]),
  'limited-listeners': twin([NARROW_SITE]),
  'webrequest-permission': { manifest: WEB_REQUEST, script: '// the permission alone\n' },
  'narrow-listeners': { manifest: WEB_REQUEST, script: listeners([NARROW_SITE], true) },
  'narrow-listeners-no-extra': { manifest: WEB_REQUEST, script: listeners([NARROW_SITE], false) },
  'navigation-only': { manifest: { permissions: ['webNavigation', 'tabs', 'storage', 'scripting'], host_permissions: ALL }, script: NAVIGATION_ONLY },
};

export function writeAblation(kind: Ablation): string {
  const dir = mkdtempSync(join(tmpdir(), `oauth-lens-bench-${kind}-`));
  const manifest = {
    manifest_version: 3,
    name: `bench ${kind}`,
    version: '1.0.0',
    background: { service_worker: 'sw.js' },
    ...KINDS[kind].manifest,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'sw.js'), KINDS[kind].script);
  return dir;
}
