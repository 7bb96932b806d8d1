import { useEffect, useMemo } from 'preact/hooks';
import { useTabState, type FirstAnswer } from './hooks/use-tab-state';
import { hasOptionsPage, openExtensionPage, openOptionsPage, panelPagePath } from './platform/extension-pages';
import { Popup } from './Popup';

/**
 * The popup wired to the browser: the tab it was opened over and its state from the background
 * (`first`, asked before the first render: hooks/use-tab-state.ts askFirst; `known`, that answer
 * when it came before the first render), the pages it opens.
 */
export function PopupRoot({ first, known = null }: { first: Promise<FirstAnswer>; known?: FirstAnswer | null }) {
  const tab = useTabState(first, known);
  const { tabId, loading } = tab;
  const options = useMemo(hasOptionsPage, []);
  // After the frame that shows the answer (bench/popup-chromium.ts reads it).
  useEffect(() => {
    if (!loading) performance.mark('ol-popup-rows');
  }, [loading]);
  const leave = (open: Promise<void>) => void open.then(() => window.close(), () => undefined);
  return (
    <Popup
      tabId={tabId ?? null}
      rows={tab.rows}
      paused={tab.paused}
      loading={loading}
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
