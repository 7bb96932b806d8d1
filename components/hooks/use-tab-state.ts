import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PanelMessage } from '../../lib/model/messages';
import { parseTabStateAnswer, type PopupRow } from '../../lib/model/popup-state';
import { PANEL_PORT_NAME } from '../../lib/model/port-name';
import { popupTabId } from '../platform/extension-pages';

/**
 * The toolbar popup's view of one tab: its lines (one per flow, built by the background) and
 * paused flag in one `tab-state` request (checked by lib/model/popup-state.ts: the popup
 * bundles neither zod nor the analysis model), and the commands it sends
 * on a panel port (`panel/*`), applied there at once.
 */
export interface TabState {
  /** undefined: still asking which tab the popup belongs to; null: none (a browser page). */
  tabId: number | null | undefined;
  rows: readonly PopupRow[];
  paused: boolean;
  loading: boolean;
  /** One line when the background could not answer. */
  error: string | null;
  pause(paused: boolean): void;
  /** Empties the tab's capture (the panel's Clear). */
  clear(): void;
}

/** What the popup learns before its first useful frame: its tab, and the background's answer for it. */
export interface FirstAnswer {
  tabId: number | null;
  state: { rows: PopupRow[]; paused: boolean } | null;
  error: string | null;
}

/**
 * Asks which tab the popup is over and, at once, the background about it. Called when the
 * popup's script starts, before the first render: the answer travels while the page paints
 * (waiting for effects would cost a frame or two per step).
 */
export async function askFirst(): Promise<FirstAnswer> {
  let tabId: number | null;
  try {
    tabId = await popupTabId();
  } catch {
    tabId = null;
  }
  if (tabId === null) return { tabId, state: null, error: null };
  try {
    const raw: unknown = await browser.runtime.sendMessage({ type: 'tab-state', tabId });
    performance.mark('ol-popup-answer');
    const answer = parseTabStateAnswer(raw);
    if (!answer) return { tabId, state: null, error: 'the background sent an answer this popup does not understand' };
    if (!answer.ok) return { tabId, state: null, error: answer.error };
    return { tabId, state: { rows: answer.rows, paused: answer.paused }, error: null };
  } catch (failure) {
    return { tabId, state: null, error: `the background did not answer (${failure instanceof Error ? failure.message : String(failure)})` };
  }
}

function command(message: PanelMessage): void {
  const port = browser.runtime.connect({ name: PANEL_PORT_NAME });
  port.postMessage(message);
  port.disconnect();
}

const NO_ROWS: readonly PopupRow[] = [];

/**
 * `first`: the answer askFirst is waiting for; `known`: that answer when it came before the first
 * render (the popup then starts with its rows instead of "Reading this tab…").
 */
export function useTabState(first: Promise<FirstAnswer>, known: FirstAnswer | null = null): TabState {
  const [tabId, setTabId] = useState<number | null | undefined>(known ? known.tabId : undefined);
  const [rows, setRows] = useState<readonly PopupRow[]>(known?.state?.rows ?? NO_ROWS);
  const [paused, setPaused] = useState(known?.state?.paused ?? false);
  const [loading, setLoading] = useState(known === null);
  const [error, setError] = useState<string | null>(known?.error ?? null);

  useEffect(() => {
    let live = true;
    void first.then((answer) => {
      if (!live) return;
      setTabId(answer.tabId);
      if (answer.state) {
        setRows(answer.state.rows);
        setPaused(answer.state.paused);
      }
      setError(answer.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [first]);

  return useMemo(
    () => ({
      tabId,
      rows,
      paused,
      loading,
      error,
      pause: (next: boolean) => {
        if (tabId == null) return;
        command({ type: next ? 'panel/pause' : 'panel/resume', tabId });
        setPaused(next);
      },
      clear: () => {
        if (tabId == null) return;
        command({ type: 'panel/clear', tabId });
        setRows(NO_ROWS);
      },
    }),
    [rows, paused, loading, error, tabId],
  );
}
