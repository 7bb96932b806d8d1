import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnalysisReport } from '../../lib/model/analysis';
import { ErrorResponseSchema, PANEL_PORT_NAME, TabStateResponseSchema, type PanelMessage } from '../../lib/model/messages';
import { EMPTY_DATA } from '../view-models/panel-types';

/**
 * The toolbar popup's view of one tab: its analysis and paused flag in one `tab-state` request
 * (no events: the popup shows one line per flow and opens fast), and Pause / Resume / Clear sent
 * as the panel sends them (`panel/*` on a panel port), applied here at once.
 */
export interface TabState {
  analysis: AnalysisReport;
  paused: boolean;
  loading: boolean;
  /** One line when the background could not answer. */
  error: string | null;
  pause(paused: boolean): void;
  clear(): void;
}

function command(message: PanelMessage): void {
  const port = browser.runtime.connect({ name: PANEL_PORT_NAME });
  port.postMessage(message);
  port.disconnect();
}

export function useTabState(tabId: number | null | undefined): TabState {
  const [analysis, setAnalysis] = useState<AnalysisReport>(EMPTY_DATA.analysis);
  const [paused, setPaused] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setLoading(false);
      return;
    }
    let live = true;
    browser.runtime.sendMessage({ type: 'tab-state', tabId }).then(
      (raw: unknown) => {
        if (!live) return;
        const state = TabStateResponseSchema.safeParse(raw);
        if (state.success) {
          setAnalysis(state.data.analysis);
          setPaused(state.data.paused);
        } else {
          const refused = ErrorResponseSchema.safeParse(raw);
          setError(refused.success ? refused.data.error : 'the background sent an answer this popup does not understand');
        }
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(`the background did not answer (${failure instanceof Error ? failure.message : String(failure)})`);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [tabId]);

  return useMemo(
    () => ({
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
