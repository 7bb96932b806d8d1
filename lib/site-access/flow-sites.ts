import type { FlowReport } from '../model/analysis';
import { accessAllows, siteLabel, sitePattern, type SiteAccess } from './patterns';

/** A site a login involved, as the options page and the panel list it. */
export interface FlowSite {
  /** `http://127.0.0.1:8080`, for people. */
  label: string;
  /** The host pattern that is granted (sitePattern). */
  pattern: string;
  role: 'identity provider' | 'app';
}

function redirectUriOf(url: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  return new URLSearchParams(url.slice(q + 1).split('#')[0]).get('redirect_uri');
}

/**
 * The sites one login touched: the identity provider's (issuer, authorization, token and other
 * provider steps) and the app's (redirect_uri, its own pages and the callback). One entry per
 * pattern; the provider wins when the app runs on the same host.
 */
export function sitesOfFlow(flow: FlowReport): FlowSite[] {
  const out = new Map<string, FlowSite>();
  const add = (url: string | null | undefined, role: FlowSite['role']) => {
    if (!url) return;
    const pattern = sitePattern(url);
    const label = siteLabel(url);
    if (!pattern || !label) return;
    const known = out.get(pattern);
    if (!known || (role === 'identity provider' && known.role === 'app')) out.set(pattern, { label, pattern, role });
  };
  add(flow.issuer, 'identity provider');
  for (const step of flow.steps) {
    const role = step.kind === 'app' || step.kind === 'callback' ? 'app' : 'identity provider';
    add(step.url, role);
    add(redirectUriOf(step.url), 'app');
  }
  add(flow.redirectUri, 'app');
  return [...out.values()];
}

/** Every site of every flow, one entry per pattern (first role seen wins, provider over app). */
export function sitesOfFlows(flows: readonly FlowReport[]): FlowSite[] {
  const out = new Map<string, FlowSite>();
  for (const flow of flows) {
    for (const site of sitesOfFlow(flow)) {
      const known = out.get(site.pattern);
      if (!known || (site.role === 'identity provider' && known.role === 'app')) out.set(site.pattern, site);
    }
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The sites a login touched that site access does not cover: what happened there was not seen
 * (a callback on an app that is not in the list, a provider's login pages…).
 */
export function sitesOutsideAccess(flow: FlowReport, access: SiteAccess): FlowSite[] {
  if (access.allSites) return [];
  return sitesOfFlow(flow).filter((site) => !accessAllows(access, site.label + '/'));
}

/** Sites of captured logins that site access does not cover yet: what the options page offers. */
export function sitesToOffer(flows: readonly FlowReport[], access: SiteAccess): FlowSite[] {
  return sitesOfFlows(flows).filter((site) => !accessAllows(access, site.label + '/'));
}

/** "This tab's sites": the page's own site and every site of the logins captured in that tab. */
export function sitesOfTab(tab: { id: number; url: string }, flows: readonly FlowReport[]): FlowSite[] {
  const inTab = flows.filter((f) => f.steps.some((s) => s.tabId === tab.id));
  const sites = sitesOfFlows(inTab);
  const own = sitePattern(tab.url);
  const label = siteLabel(tab.url);
  if (own && label && !sites.some((s) => s.pattern === own)) sites.unshift({ label, pattern: own, role: 'app' });
  return sites;
}
