import { useEffect, useState } from 'preact/hooks';
import type { FlowReport } from '../../lib/model/analysis';
import { ALL_SITES, sitePattern, type SiteAccess } from '../../lib/site-access/patterns';
import { capturedFlows, removeSites, requestAllSites, requestSites, targetTab, watchSiteAccess, type WebTab } from '../platform/site-access';

export interface SiteAccessState {
  access: SiteAccess | null;
  flows: FlowReport[];
  tab: WebTab | null;
  /** One line for the user after a refused or failed change. */
  message: string | null;
}

export interface SiteAccessActions {
  chooseAllSites(): void;
  chooseOnlySites(): void;
  allow(patterns: readonly string[]): void;
  /** A typed address: one line back when it is not an http(s) site. */
  allowTyped(address: string): string | null;
  remove(pattern: string): void;
}

/** State and actions of the options page; every permission request starts in the click that calls it. */
export function useSiteAccess(search: string): { state: SiteAccessState; actions: SiteAccessActions } {
  const [access, setAccess] = useState<SiteAccess | null>(null);
  const [flows, setFlows] = useState<FlowReport[]>([]);
  const [tab, setTab] = useState<WebTab | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => watchSiteAccess(setAccess), []);
  useEffect(() => {
    void capturedFlows().then(setFlows, () => setFlows([]));
    void targetTab(search).then(setTab, () => setTab(null));
  }, [search]);

  const settle = (asked: Promise<boolean>, refused: string) => {
    setMessage(null);
    asked.then(
      (granted) => setMessage(granted ? null : refused),
      (error: unknown) => setMessage(`The browser refused the change: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const allow = (patterns: readonly string[]) => settle(requestSites(patterns), 'Not allowed: the browser did not grant access.');
  const actions: SiteAccessActions = {
    chooseAllSites: () => settle(requestAllSites(), 'Not allowed: OAuth Lens still captures only on the sites listed below.'),
    // Per-site grants stay; only the all-sites grant goes.
    chooseOnlySites: () => settle(removeSites([ALL_SITES]).then(() => true), ''),
    allow,
    allowTyped: (address) => {
      const trimmed = address.trim();
      const pattern = sitePattern(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
      if (!pattern) return 'Enter a web address such as https://login.example.com';
      allow([pattern]);
      return null;
    },
    remove: (pattern) => settle(removeSites([pattern]), 'The browser kept this site.'),
  };
  return { state: { access, flows, tab, message }, actions };
}
