/** Types shared by views and hooks: hooks import them from here, never from a view. */

export type ExportAction = 'trace' | 'har' | 'markdown' | 'share' | 'unredacted';
export type ExportScope = 'flow' | 'all';

/** A one-line notice above the workspace (import and export results). */
export interface Message {
  tone: 'error' | 'warn' | 'ok' | 'info';
  text: string;
  /** An import failed: say that what was on screen is unchanged. */
  nothing?: boolean;
  action?: { label: string; run(): void };
}
