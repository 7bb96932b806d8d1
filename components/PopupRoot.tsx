import { useEffect, useMemo, useState } from 'preact/hooks';
import { useTabState } from './hooks/use-tab-state';
import { hasOptionsPage, openExtensionPage, openOptionsPage, panelPagePath, popupTabId } from './platform/extension-pages';
import { Popup } from './Popup';
import { popupRows } from './view-models/popup-rows';

/** The popup wired to the browser: the tab it was opened over, its state from the background, the pages it opens. */
export function PopupRoot() {
  // undefined: still asking which tab the popup belongs to.
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    popupTabId().then(setTabId, () => setTabId(null));
  }, []);
  const tab = useTabState(tabId);
  const rows = useMemo(() => popupRows(tab.analysis), [tab.analysis]);
  const options = useMemo(hasOptionsPage, []);
  const leave = (open: Promise<void>) => void open.then(() => window.close(), () => undefined);
  return (
    <Popup
      tabId={tabId ?? null}
      rows={rows}
      paused={tab.paused}
      loading={tabId === undefined || tab.loading}
      error={tab.error}
      actions={{
        onOpenFlow: (id) => tabId != null && leave(openExtensionPage(panelPagePath(tabId, id))),
        onPause: tab.pause,
        onClear: tab.clear,
        ...(options ? { onOptions: () => leave(openOptionsPage()) } : {}),
        onCatalog: () => leave(openExtensionPage('/catalog.html')),
        onWelcome: () => leave(openExtensionPage('/welcome.html')),
      }}
    />
  );
}
