import { browser } from 'wxt/browser';
import { AnalysisResponseSchema } from '../../lib/model/messages';
import type { FlowReport } from '../../lib/model/analysis';
import { ALL_SITES, siteAccessOf, type SiteAccess } from '../../lib/site-access/patterns';

/**
 * The options page's and the panel's only door to `browser.permissions`. `request` must be
 * called straight from a click or change handler (the browser wants a user gesture), so the
 * functions that ask return the browser's promise without awaiting anything first.
 */

export async function readSiteAccess(): Promise<SiteAccess> {
  return siteAccessOf((await browser.permissions.getAll()).origins);
}

/** Calls back whenever site access changes (this page, another page, the browser's own settings). */
export function watchSiteAccess(onChange: (access: SiteAccess) => void): () => void {
  const reload = () => void readSiteAccess().then(onChange, () => undefined);
  browser.permissions.onAdded.addListener(reload);
  browser.permissions.onRemoved.addListener(reload);
  reload();
  return () => {
    browser.permissions.onAdded.removeListener(reload);
    browser.permissions.onRemoved.removeListener(reload);
  };
}

/** Ask for sites (a browser prompt may show). Resolves false when the user says no. */
export function requestSites(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...patterns] });
}

export const requestAllSites = (): Promise<boolean> => requestSites([ALL_SITES]);

export function removeSites(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.remove({ origins: [...patterns] });
}

/** The flows captured in every tab (the background's analysis), for the sites they touched. */
export async function capturedFlows(): Promise<FlowReport[]> {
  const parsed = AnalysisResponseSchema.safeParse(await browser.runtime.sendMessage({ type: 'analysis' }));
  return parsed.success ? parsed.data.analysis.flows : [];
}

export interface WebTab {
  id: number;
  title: string;
  url: string;
}

/** `?tabId=N` (the panel's link), else the web page the user looked at last. */
export async function targetTab(search: string): Promise<WebTab | null> {
  const raw = new URLSearchParams(search).get('tabId');
  const web = (t: { id?: number; url?: string; title?: string; lastAccessed?: number } | null): WebTab | null =>
    t && typeof t.id === 'number' && typeof t.url === 'string' && /^https?:/i.test(t.url) ? { id: t.id, title: t.title || t.url, url: t.url } : null;
  if (raw && /^\d+$/.test(raw)) return web(await browser.tabs.get(Number(raw)).catch(() => null));
  const tabs = await browser.tabs.query({});
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const tab of tabs) {
    const found = web(tab);
    if (found) return found;
  }
  return null;
}

export function openSiteAccessSettings(tabId: number | null): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${tabId === null ? '' : `?tabId=${tabId}`}`) });
}
