import { checkById } from '../../lib/checks/index';
import { refLinks, renderRefs, type RefLink } from '../../lib/checks/refs';

/**
 * Links for a finding's spec references, from its check's `refs` (lib/checks/refs.ts): addresses
 * come from that table, never from captured or imported text. A finding whose text is not what
 * this version's check cites (a trace from another version) shows its text without links.
 */
export type SpecLink = RefLink;

export function specLinks(checkId: string, spec: string): SpecLink[] {
  const refs = checkById(checkId)?.refs;
  if (!refs || renderRefs(refs) !== spec) return [{ text: spec, label: spec, href: null }];
  return refLinks(refs);
}

/** The check's entry on the extension's catalog page (entrypoints/catalog), beside the panel and viewer pages. */
export function catalogHref(checkId: string): string {
  return `/catalog.html#${encodeURIComponent(checkId)}`;
}
