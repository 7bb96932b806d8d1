import type { FlowReport } from '../model/analysis';
import { sitesOutsideAccess } from './flow-sites';
import type { SiteAccess } from './patterns';

/**
 * What the panel says about site access, one plain sentence: nothing is captured at all, or the
 * login on screen touched sites OAuth Lens may not access (so its steps there are missing).
 * Null when there is nothing to say.
 */
export function siteAccessNotice(access: SiteAccess | undefined, flow: FlowReport | undefined): string | null {
  if (!access || access.allSites) return null;
  if (access.sites.length === 0) return 'OAuth Lens has no site access, so it captures nothing. Choose where it may capture in Site access.';
  if (!flow) return null;
  const outside = sitesOutsideAccess(flow, access);
  if (outside.length === 0) return null;
  const list = outside.map((s) => `${s.label} (${s.role})`).join(', ');
  return `This login touched ${outside.length === 1 ? 'a site' : 'sites'} not in your site access list, so what happened there is missing: ${list}.`;
}
