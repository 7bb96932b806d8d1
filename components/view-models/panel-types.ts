import type { SiteAccess } from '../../lib/site-access/patterns';
import type { AnalysisReport } from '../../lib/model/analysis';
import type { CapturedEvent } from '../../lib/model/event';

/** What every view renders: raw events (for step details) and the analysis of those events. */
export interface PanelData {
  events: CapturedEvent[];
  analysis: AnalysisReport;
}

export type Connection = 'connecting' | 'live' | 'offline' | 'static';

export interface PanelStatus {
  paused: boolean;
  preserve: boolean;
  notice?: string | undefined;
  connection: Connection;
  /** What is shown, e.g. "tab 12" or the imported file name. */
  source?: string | undefined;
  /** The sites the extension may access (live capture only; the panel says what it misses). */
  siteAccess?: SiteAccess | undefined;
}

/** Toolbar actions; absent ones render disabled (the viewer has no pause or clear). */
export interface PanelActions {
  onClear?(): void;
  /** Opens the options page (site access). */
  onSiteAccess?(): void;
  onPause?(paused: boolean): void;
  onPreserve?(preserve: boolean): void;
  onExport?(): void;
  onImport?(): void;
  /** Fetch the discovery document and JWKS of flows' issuers the capture lacks (live capture only). */
  onFetchMetadata?(): void;
}

export type ThemeName = 'light' | 'dark' | 'auto';

export const EMPTY_DATA: PanelData = { events: [], analysis: { version: 2, flows: [], findings: [] } };
