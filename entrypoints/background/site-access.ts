import { navigationAllowed, NO_ACCESS, siteAccessOf, type SiteAccess } from '../../lib/site-access/patterns';

/** The slice of `browser.permissions` the background reads. */
export interface PermissionsLike {
  getAll(): Promise<{ origins?: string[] }>;
  onAdded: { addListener(callback: () => void): void };
  onRemoved: { addListener(callback: () => void): void };
}

/**
 * Which sites the user lets OAuth Lens watch (the options page grants them). The browser already
 * keeps webRequest events of other hosts away from the extension; webNavigation and tab events
 * come for every site, so the background asks `allows` before it does anything with them.
 * Changes (the options page, chrome://extensions, about:addons) arrive as permission events.
 */
export class SiteAccessGate {
  /** Resolves once the granted sites have been read; the service waits for it before it applies events. */
  readonly ready: Promise<void>;
  private access: SiteAccess = NO_ACCESS;
  private readonly watchers: Array<(access: SiteAccess) => void> = [];

  constructor(private readonly permissions: PermissionsLike) {
    // Registered synchronously with the other listeners, so a stopped worker is woken for them.
    permissions.onAdded.addListener(() => void this.reload());
    permissions.onRemoved.addListener(() => void this.reload());
    this.ready = this.reload();
  }

  get current(): SiteAccess {
    return this.access;
  }

  /** May a navigation to this URL be recorded (lib/site-access/patterns.ts `navigationAllowed`)? */
  allows(url: string): boolean {
    return navigationAllowed(this.access, url);
  }

  onChange(watcher: (access: SiteAccess) => void): void {
    this.watchers.push(watcher);
  }

  private async reload(): Promise<void> {
    let next: SiteAccess;
    try {
      next = siteAccessOf((await this.permissions.getAll()).origins);
    } catch (error) {
      console.warn('OAuth Lens: could not read site access', error);
      return;
    }
    if (next.allSites === this.access.allSites && next.sites.join() === this.access.sites.join()) return;
    this.access = next;
    for (const watch of this.watchers) watch(next);
  }
}
