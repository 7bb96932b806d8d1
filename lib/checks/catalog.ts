import type { Severity } from '../model/finding';
import { PROVIDER_ERROR_CODES, type ProviderErrorRow } from '../diagnosis/provider-error-codes';
import { CHECKS } from './index';
import { refLinks, type RefLink } from './refs';
import type { Check, SectionId } from './types';

/**
 * The check catalog as data, built from the check definitions themselves: what docs/checks.md
 * (scripts/docs.ts) and the extension's catalog page (entrypoints/catalog) both show.
 */
export type CatalogRef = RefLink;

export interface ProviderCode {
  provider: string;
  /** The code or text the provider shows, as matched (lib/diagnosis/provider-error-codes.ts). */
  code: string;
  meaning: string;
}

export interface CatalogEntry {
  id: string;
  severity: Severity;
  title: string;
  cause: string;
  fix: string;
  refs: CatalogRef[];
  providerCodes: ProviderCode[];
}

export interface CatalogGroup {
  id: string;
  title: string;
  entries: CatalogEntry[];
}


/** A matcher's text as a reader would search for it: word boundaries and anchors dropped. */
function codeText(match: RegExp): string {
  return match.source.replaceAll('\\b', '').replace(/^\^/, '').replace(/\$$/, '');
}

/** Provider codes that lead to `id`: a row's own checks, or a variant's when it names its own. */
function codesFor(id: string, rows: readonly ProviderErrorRow[]): ProviderCode[] {
  const out: ProviderCode[] = [];
  for (const row of rows) {
    const variants = row.variants ?? [];
    const ownVariants = variants.filter((v) => (v.checks ?? row.checks).includes(id));
    if (ownVariants.length) {
      for (const v of ownVariants) out.push({ provider: row.provider, code: codeText(v.match), meaning: v.meaning });
    } else if (row.checks.includes(id)) {
      out.push({ provider: row.provider, code: codeText(row.match), meaning: row.meaning });
    }
  }
  return out;
}

/** The sections of the catalog in reading order; each check names its own (`section` in its metadata). */
export const SECTIONS: ReadonlyArray<{ id: SectionId; title: string }> = [
  { id: 'authorize-request', title: 'The authorization request' },
  { id: 'callback', title: 'The callback: authorization response, cookies and browser mechanics' },
  { id: 'token', title: 'The token endpoint, ID Tokens and OIDC artifacts' },
  { id: 'errors-and-metadata', title: 'Discovery, keys, logout, DPoP, device flow and error responses' },
];

/** The catalog by section; within a section the checks keep the registry's id order. */
export function checkCatalog(rows: readonly ProviderErrorRow[] = PROVIDER_ERROR_CODES): CatalogGroup[] {
  return SECTIONS.map((section) => ({
    id: section.id,
    title: section.title,
    entries: CHECKS.filter((c) => c.section === section.id).map((c) => ({
      id: c.id,
      severity: c.severity,
      title: c.title,
      cause: c.cause,
      fix: c.fix,
      refs: refLinks(c.refs),
      providerCodes: codesFor(c.id, rows),
    })),
  }));
}
