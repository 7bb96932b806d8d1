import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SiteAccess } from '../lib/site-access/patterns';
import type { LiveSource } from './Workspace';
import { Workspace } from './Workspace';
import { useBridge, viewerUrl } from './hooks/use-bridge';
import { openSiteAccessSettings, watchSiteAccess } from './platform/site-access';

/** The DevTools panel (or `devtools-panel.html?tabId=N`): the bridge's live data, plus import and export. */
export function Panel({ tabId, initialFlow = null }: { tabId: number | null; initialFlow?: string | null }) {
  const bridge = useBridge(tabId);
  const viewer = useMemo(viewerUrl, []);
  const [siteAccess, setSiteAccess] = useState<SiteAccess | undefined>(undefined);
  useEffect(() => watchSiteAccess(setSiteAccess), []);
  const live: LiveSource =
    tabId === null
      ? {
          data: bridge.data,
          actions: {},
          status: { paused: false, preserve: false, connection: 'offline', notice: 'No tab to watch: open this panel from DevTools, or add ?tabId=N to the address.' },
        }
      : {
          data: bridge.data,
          status: { ...bridge.status, siteAccess },
          actions: { ...bridge.actions, onSiteAccess: () => openSiteAccessSettings(tabId) },
        };
  return <Workspace live={live} theme={bridge.theme} viewerUrl={viewer} initialFlow={initialFlow} />;
}
