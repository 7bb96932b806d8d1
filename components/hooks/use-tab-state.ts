import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnalysisReport } from '../../lib/model/analysis';
import { ErrorResponseSchema, PANEL_PORT_NAME, TabStateResponseSchema, type PanelMessage } from '../../lib/model/messages';
import { popupTabId } from '../platform/extension-pages';
import { EMPTY_DATA } from '../view-models/panel-types';

/**
 * The toolbar popup's view of one tab: its analysis and paused flag in one `tab-state` request
 * (no events: the popup shows one line per flow and opens fast), and Pause / Resume / Clear sent
 * as the panel sends them (`panel/*` on a panel port), applied here at once.
 */
export interface TabState {
  /** undefined: still asking which tab the popup belongs to; null: none (a browser page). */
  tabId: number | null | undefined;
  analysis: AnalysisReport;
  paused: boolean;
  loading: boolean;
  /** One line when the background could not answer. */
  error: string | null;
  pause(paused: boolean): void;
  clear(): void;
}

/** What the popup learns before its first useful frame: its tab, and the background's answer for it. */
export interface FirstAnswer {
  tabId: number | null;
  state: { analysis: AnalysisReport; paused: boolean } | null;
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
    const state = TabStateResponseSchema.safeParse(raw);
    if (state.success) return { tabId, state: { analysis: state.data.analysis, paused: state.data.paused }, error: null };
    const refused = ErrorResponseSchema.safeParse(raw);
    return { tabId, state: null, error: refused.success ? refused.data.error : 'the background sent an answer this popup does not understand' };
  } catch (failure) {
    return { tabId, state: null, error: `the background did not answer (${failure instanceof Error ? failure.message : String(failure)})` };
  }
}

function command(message: PanelMessage): void {
  const port = browser.runtime.connect({ name: PANEL_PORT_NAME });
  port.postMessage(message);
  port.disconnect();
}

export function useTabState(first: Promise<FirstAnswer>): TabState {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [analysis, setAnalysis] = useState<AnalysisReport>(EMPTY_DATA.analysis);
  const [paused, setPaused] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void first.then((answer) => {
      if (!live) return;
      setTabId(answer.tabId);
      if (answer.state) {
        setAnalysis(answer.state.analysis);
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
      analysis,
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
        setAnalysis(EMPTY_DATA.analysis);
      },
    }),
    [analysis, paused, loading, error, tabId],
  );
}
