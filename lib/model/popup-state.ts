import { OUTCOMES, type Outcome } from './outcome';

/**
 * The background's answer to the toolbar popup's `tab-state` request: one line per flow of the
 * tab (built in the background, lib/flow/popup-rows.ts) and whether capture is paused — never
 * the analysis. Checked here by hand, field by field, instead of with zod: the popup then
 * bundles neither zod nor the analysis model, and opens faster (issue 15: under 100 ms).
 * messages.ts wraps the same check as `TabStateResponseSchema` for its unions.
 */

/** One line of the toolbar popup: what happened to a login, for whom, at which provider, and why. */
export interface PopupRow {
  id: string;
  outcome: Outcome;
  /** The outcome in words ("Failed at step 7 (callback)", "Completed, 1 error"): never colour only. */
  outcomeText: string;
  client: string;
  provider: string;
  /** The first error-level finding's title, null when the flow has none. */
  firstError: string | null;
}

export interface TabStateResponse {
  ok: true;
  rows: PopupRow[];
  paused: boolean;
}

/** A runtime answer's failure: one line saying what went wrong. */
export interface TabStateError {
  ok: false;
  error: string;
}

export type TabStateAnswer = TabStateResponse | TabStateError;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const OUTCOME_SET: ReadonlySet<unknown> = new Set(OUTCOMES);
const ROW_KEYS = ['id', 'outcome', 'outcomeText', 'client', 'provider', 'firstError'] as const;

function isPopupRow(v: unknown): v is PopupRow {
  return (
    isRecord(v) &&
    Object.keys(v).every((k) => (ROW_KEYS as readonly string[]).includes(k)) &&
    typeof v.id === 'string' &&
    OUTCOME_SET.has(v.outcome) &&
    typeof v.outcomeText === 'string' &&
    typeof v.client === 'string' &&
    typeof v.provider === 'string' &&
    (v.firstError === null || typeof v.firstError === 'string')
  );
}

export function isTabStateResponse(v: unknown): v is TabStateResponse {
  return isRecord(v) && v.ok === true && typeof v.paused === 'boolean' && Array.isArray(v.rows) && v.rows.every(isPopupRow);
}

/** The answer as one of its two shapes, or null when it fits neither (treated as hostile: nothing else passes). */
export function parseTabStateAnswer(raw: unknown): TabStateAnswer | null {
  if (isTabStateResponse(raw)) return raw;
  if (isRecord(raw) && raw.ok === false && typeof raw.error === 'string') return { ok: false, error: raw.error };
  return null;
}
