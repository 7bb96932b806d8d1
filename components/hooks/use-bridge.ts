import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackgroundMessageSchema, PANEL_PORT_NAME, type BackgroundMessage, type PanelMessage } from '../../lib/model/messages';
import type { CapturedEvent } from '../../lib/model/event';
import { themeFromName, watchDevtoolsTheme, type DevtoolsThemeApi } from '../platform/devtools-theme';
import { EMPTY_DATA, type PanelActions, type PanelData, type PanelStatus, type ThemeName } from '../view-models/panel-types';

/**
 * The only UI module that touches `browser.*`. It subscribes to the background through a port
 * for one tab (snapshot, then increments), reconnects when the service worker restarts, and
 * follows the DevTools theme. Everything else in components/ gets plain data through props.
 */

/** `?tabId=N` when opened as an extension page, else the tab DevTools inspects. */
export function resolveTabId(search: string = globalThis.location?.search ?? ''): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null && /^\d+$/.test(raw)) return Number(raw);
  const inspected = (browser as typeof browser | undefined)?.devtools?.inspectedWindow?.tabId;
  return typeof inspected === 'number' ? inspected : null;
}

/** `?flow=<id>`: the flow to show first (the toolbar popup opens the panel page on one flow). */
export function resolveFlowId(search: string = globalThis.location?.search ?? ''): string | null {
  return new URLSearchParams(search).get('flow');
}

/** The `devtools.panels` of a DevTools panel; undefined in the panel page opened as a tab. */
function devtoolsPanels(): DevtoolsThemeApi | undefined {
  return (browser as typeof browser | undefined)?.devtools?.panels as DevtoolsThemeApi | undefined;
}

/** DevTools' theme when the panel opens (`devtools.panels.themeName`), else the OS's ("auto"). */
export function devtoolsTheme(panels: DevtoolsThemeApi | undefined = devtoolsPanels()): ThemeName {
  return themeFromName(panels?.themeName);
}

/** DevTools' theme, following changes made while the panel is open (platform/devtools-theme.ts). */
export function useDevtoolsTheme(panels: DevtoolsThemeApi | undefined = devtoolsPanels()): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => devtoolsTheme(panels));
  useEffect(() => watchDevtoolsTheme(panels, setTheme), [panels]);
  return theme;
}

/** The viewer page (entrypoints/viewer) that opens share links: chrome-extension://<id>/viewer.html. */
export function viewerUrl(): string | null {
  try {
    return browser.runtime.getURL('/viewer.html');
  } catch {
    return null;
  }
}

/** Apply an increment: upsert by id (order of first appearance kept), drop evicted ids. */
export function applyUpdate(events: readonly CapturedEvent[], upserted: readonly CapturedEvent[], removed: readonly string[]): CapturedEvent[] {
  const gone = new Set(removed);
  const changed = new Map(upserted.map((e) => [e.id, e]));
  const out: CapturedEvent[] = [];
  for (const e of events) {
    if (gone.has(e.id)) continue;
    const next = changed.get(e.id);
    if (next) changed.delete(e.id);
    out.push(next ?? e);
  }
  for (const e of changed.values()) if (!gone.has(e.id)) out.push(e);
  return out;
}

export interface Bridge {
  data: PanelData;
  status: PanelStatus;
  actions: PanelActions;
  theme: ThemeName;
}

type Port = ReturnType<typeof browser.runtime.connect>;

export function useBridge(tabId: number | null): Bridge {
  const [data, setData] = useState<PanelData>(EMPTY_DATA);
  const [status, setStatus] = useState<PanelStatus>({ paused: false, preserve: false, connection: 'connecting', source: tabId === null ? undefined : `tab ${tabId}` });
  const port = useRef<Port | null>(null);
  const theme = useDevtoolsTheme();

  useEffect(() => {
    if (tabId === null) return;
    let stopped = false;
    let retry = 250;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const onMessage = (raw: unknown) => {
      const parsed = BackgroundMessageSchema.safeParse(raw);
      if (!parsed.success || parsed.data.tabId !== tabId) return;
      const msg: BackgroundMessage = parsed.data;
      retry = 250;
      setData((prev) => ({
        events: msg.type === 'flows/snapshot' ? msg.events : applyUpdate(prev.events, msg.upserted, msg.removed),
        analysis: msg.analysis,
      }));
      setStatus((s) => ({ ...s, connection: 'live', paused: msg.paused, preserve: msg.preserve, notice: msg.notice }));
    };

    const connect = () => {
      if (stopped) return;
      let p: Port;
      try {
        p = browser.runtime.connect({ name: PANEL_PORT_NAME });
      } catch {
        setStatus((s) => ({ ...s, connection: 'offline' }));
        timer = setTimeout(connect, retry);
        retry = Math.min(retry * 2, 5000);
        return;
      }
      port.current = p;
      p.onMessage.addListener(onMessage);
      // An MV3 worker stops when idle; the panel reconnects and gets a fresh snapshot.
      p.onDisconnect.addListener(() => {
        port.current = null;
        if (stopped) return;
        setStatus((s) => ({ ...s, connection: 'offline' }));
        timer = setTimeout(connect, retry);
        retry = Math.min(retry * 2, 5000);
      });
      const subscribe: PanelMessage = { type: 'panel/subscribe', tabId };
      p.postMessage(subscribe);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      port.current?.disconnect();
    };
  }, [tabId]);

  const actions = useMemo<PanelActions>(() => {
    if (tabId === null) return {};
    const send = (m: PanelMessage) => port.current?.postMessage(m);
    return {
      onClear: () => {
        send({ type: 'panel/clear', tabId });
        setData(EMPTY_DATA);
      },
      onPause: (paused) => {
        send({ type: paused ? 'panel/pause' : 'panel/resume', tabId });
        setStatus((s) => ({ ...s, paused }));
      },
      onPreserve: (preserve) => {
        send({ type: 'panel/preserve', tabId, preserve });
        setStatus((s) => ({ ...s, preserve }));
      },
      // Opt-in per click (issue 4): the fetched documents come back as an ordinary update.
      onFetchMetadata: () => send({ type: 'panel/fetch-metadata', tabId }),
    };
  }, [tabId]);

  return { data, status, actions, theme };
}
