import type { AnalysisReport } from '../../lib/model/analysis';
import palette from '../../components/palette.css?raw';
import { lightToken } from '../../lib/format/palette-token';
import type { BadgeApi } from './api';

/** The panel's error red and dimmed grey: one token each, for page and badge alike. */
const ERROR_COLOR = lightToken(palette, '--err');
const NEUTRAL_COLOR = lightToken(palette, '--dim');

/** Badge content for one tab: flows with an error-level finding (red), else the flow count. */
export function badgeFor(report: AnalysisReport): { text: string; color: string } {
  const failing = report.flows.filter((f) => f.findings.some((x) => x.severity === 'error')).length;
  if (failing > 0) return { text: String(failing), color: ERROR_COLOR };
  return { text: report.flows.length ? String(report.flows.length) : '', color: NEUTRAL_COLOR };
}

/** Set after the debounce, never from a webRequest listener. A closed tab's badge errors: ignored. */
export async function setBadge(api: BadgeApi | undefined, tabId: number, report: AnalysisReport): Promise<void> {
  if (!api) return;
  const { text, color } = badgeFor(report);
  try {
    await api.setBadgeBackgroundColor({ tabId, color });
    await api.setBadgeText({ tabId, text });
  } catch {
    // "No tab with id": the tab closed meanwhile.
  }
}
