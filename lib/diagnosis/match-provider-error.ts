import { isProviderUrl } from '../providers/match';
import { PROVIDER_ERROR_CODES, type ProviderErrorRow, type ProviderErrorWhere } from './provider-error-codes';

/** One row of PROVIDER_ERROR_CODES that fits an error text. */
export interface ProviderErrorMatch {
  provider: string;
  /** The text that matched, e.g. "AADSTS50011" or "Callback URL mismatch". */
  code: string;
  /** Plain-language meaning of the code. */
  meaning: string;
  where: ProviderErrorWhere;
  /** Generic check ids (docs/checks.md) this code points to (several = decide by correlation). */
  checks: readonly string[];
  note?: string;
}

export interface MatchProviderErrorOptions {
  /** URL of the request or page the text came from; rows whose text is shared by several
   * providers (plain OAuth error codes) only apply when it points at their provider. */
  url?: string;
}

/**
 * Which provider codes in PROVIDER_ERROR_CODES appear in `text` (an `error`, `error_description`,
 * error-page text, or all of them joined). Pure and total: every string in, a possibly empty list
 * out, in table order, at most one match per row. For diagnosis only — never a reason to fail a
 * flow (Microsoft says apps must not depend on AADSTS numbers).
 */
export function matchProviderError(text: string, options: MatchProviderErrorOptions = {}): ProviderErrorMatch[] {
  if (text === '') return [];
  const matches: ProviderErrorMatch[] = [];
  for (const row of PROVIDER_ERROR_CODES) {
    const match = matchRow(row, text, options.url);
    if (match) matches.push(match);
  }
  return matches;
}

function matchRow(row: ProviderErrorRow, text: string, url: string | undefined): ProviderErrorMatch | null {
  if (row.at && (url === undefined || !isProviderUrl(url, row.at.provider, row.at.roles))) return null;
  const hit = row.match.exec(text);
  if (!hit) return null;
  const variant = row.variants?.find((v) => v.match.test(text));
  return {
    provider: row.provider,
    code: hit[0].trim(),
    meaning: variant?.meaning ?? row.meaning,
    where: row.where,
    checks: variant?.checks ?? row.checks,
    ...(row.note === undefined ? {} : { note: row.note }),
  };
}

/** One sentence for a finding message, e.g. "AADSTS50011 (Microsoft Entra): the reply/redirect URI …". */
export function describeProviderError(match: ProviderErrorMatch): string {
  return `${match.code} (${match.provider}): ${match.meaning}`;
}

/** Whether any match points at `checkId` — e.g. token-request-failed asking "is this code reuse?". */
export function providerErrorPointsTo(matches: readonly ProviderErrorMatch[], checkId: string): boolean {
  return matches.some((m) => m.checks.includes(checkId));
}
