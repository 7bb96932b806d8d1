/**
 * Spec references of checks, as data: which document, which section, and where it is read.
 * A link is assembled from this table and the section written in a check's metadata, never
 * from captured text, and without parsing free text.
 */
interface SpecDoc {
  /** Where the document is read. */
  url: string;
  /** Fragment prefix for a numbered section (`section-` on rfc-editor.org), when it has one. */
  anchor?: string;
}

const rfc = (n: number): SpecDoc => ({ url: `https://www.rfc-editor.org/rfc/rfc${n}`, anchor: 'section-' });
const FORM_POST: SpecDoc = { url: 'https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html' };

export const SPECS = {
  'RFC 6749': rfc(6749),
  'RFC 6750': rfc(6750),
  'RFC 6819': rfc(6819),
  'RFC 7515': rfc(7515),
  'RFC 7519': rfc(7519),
  'RFC 7636': rfc(7636),
  'RFC 8252': rfc(8252),
  'RFC 8414': rfc(8414),
  'RFC 8628': rfc(8628),
  'RFC 9101': rfc(9101),
  'RFC 9126': rfc(9126),
  'RFC 9207': rfc(9207),
  'RFC 9449': rfc(9449),
  'RFC 9700': rfc(9700),
  'OIDC-Core': { url: 'https://openid.net/specs/openid-connect-core-1_0.html' },
  'OIDC-Disc': { url: 'https://openid.net/specs/openid-connect-discovery-1_0.html' },
  RPLogout: { url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html' },
  MRT: { url: 'https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html' },
  FormPost: FORM_POST,
  'OAuth 2.0 Form Post Response Mode': FORM_POST,
  'draft-ietf-httpbis-rfc6265bis': { url: 'https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis', anchor: 'section-' },
  Fetch: { url: 'https://fetch.spec.whatwg.org/' },
  'HTML COOP': { url: 'https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies' },
  /** Seen in real traffic rather than written in a specification. */
  Operational: { url: '' },
} satisfies Record<string, SpecDoc>;

export type SpecName = keyof typeof SPECS;

export interface SpecRef {
  spec: SpecName;
  /** Section number as the document numbers it ("10.12", "4.1.5–4.1.6"), without the §. */
  section?: string;
  /** What narrows or qualifies the reference ("step 6", "App. A", "(CORS)"). */
  note?: string;
}

/** The address of one reference, or null for references with nowhere to read them. */
export function refUrl(ref: SpecRef): string | null {
  const doc: SpecDoc = SPECS[ref.spec];
  if (!doc.url) return null;
  // A range "4.1.5–4.1.6" links to where it starts.
  const first = ref.section?.split('–')[0];
  return doc.anchor && first ? `${doc.url}#${doc.anchor}${first}` : doc.url;
}

/** One reference as text: "§10.12", "§3.1.3.7 step 6", "App. A". */
export function refText(ref: SpecRef): string {
  const section = ref.section === undefined ? '' : `§${ref.section}`;
  return [section, ref.note ?? ''].filter((part) => part !== '').join(' ');
}

/**
 * References as one line, consecutive references to one document grouped:
 * "RFC 6749 §4.1.2, §10.12; RFC 9700 §4.7" (the `spec` text of findings).
 */
export function renderRefs(refs: readonly SpecRef[]): string {
  const groups: Array<{ spec: SpecName; items: string[] }> = [];
  for (const ref of refs) {
    const last = groups[groups.length - 1];
    const item = refText(ref);
    if (last && last.spec === ref.spec) last.items.push(item);
    else groups.push({ spec: ref.spec, items: item ? [item] : [] });
  }
  return groups.map((g) => (g.items.length ? `${g.spec} ${g.items.join(', ')}` : g.spec)).join('; ');
}

/** One reference as a link: its text in a list, its full name (for a screen reader's list of links) and address. */
export interface RefLink {
  /** "RFC 6749 §10.12", or "§10.12" after a reference to the same document. */
  text: string;
  /** Always with the document: "RFC 6749 §10.12". */
  label: string;
  href: string | null;
}

/** References as links, the document named once per run of references to it. */
export function refLinks(refs: readonly SpecRef[]): RefLink[] {
  return refs.map((ref, i) => {
    const item = refText(ref);
    const label = item ? `${ref.spec} ${item}` : ref.spec;
    const sameDoc = i > 0 && refs[i - 1]!.spec === ref.spec;
    return { text: sameDoc ? item : label, label, href: refUrl(ref) };
  });
}
