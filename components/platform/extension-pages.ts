import { browser } from 'wxt/browser';

/**
 * Opening the extension's own pages from the toolbar popup (and the background): the panel page
 * for one flow of a tab, the catalog, the welcome page, the options page when the build has one.
 */

/** The extension page at `path` (with its query), e.g. `/catalog.html`. */
const pageUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

/** The panel page as a tab, on `tabId`'s live capture with flow `flowId` selected. */
export function panelPagePath(tabId: number, flowId?: string): string {
  const flow = flowId === undefined ? '' : `&flow=${encodeURIComponent(flowId)}`;
  return `/devtools-panel.html?tabId=${tabId}${flow}`;
}

/** Opens an extension page (`/catalog.html`, `/welcome.html`, a panel page path) in a new tab. */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: pageUrl(path) });
}

/** True when the manifest declares an options page (the options entrypoint may not exist yet). */
export function hasOptionsPage(): boolean {
  const manifest = browser.runtime.getManifest() as { options_ui?: unknown; options_page?: unknown };
  return manifest.options_ui !== undefined || manifest.options_page !== undefined;
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** The tab the popup was opened over: `?tabId=N` (tests) or the active tab of this window. */
export async function popupTabId(search: string = globalThis.location?.search ?? ''): Promise<number | null> {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null && /^\d+$/.test(raw)) return Number(raw);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
