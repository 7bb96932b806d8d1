import { App } from './App';
import { useBridge } from './use-bridge';

/** The DevTools panel (or `devtools-panel.html?tabId=N`): the bridge's live data into <App/>. */
export function Panel({ tabId }: { tabId: number | null }) {
  const bridge = useBridge(tabId);
  if (tabId === null) {
    return (
      <App
        data={bridge.data}
        theme={bridge.theme}
        status={{ paused: false, preserve: false, connection: 'offline', notice: 'No tab to watch: open this panel from DevTools, or add ?tabId=N to the address.' }}
      />
    );
  }
  return <App data={bridge.data} status={bridge.status} actions={bridge.actions} theme={bridge.theme} />;
}
