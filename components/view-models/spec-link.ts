/**
 * Links for spec references such as "RFC 6749 §4.1.2, §10.12; OIDC Core §3.1.2.1". Addresses are
 * assembled only from digits matched here and fixed hosts, never from captured text.
 */
const OPENID: Array<[RegExp, string]> = [
  [/^OIDC[ -]?Core/i, 'https://openid.net/specs/openid-connect-core-1_0.html'],
  [/^OIDC[ -]?Disc/i, 'https://openid.net/specs/openid-connect-discovery-1_0.html'],
  [/^(?:OIDC )?RP-?(?:Initiated )?Logout/i, 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html'],
  [/^(?:OAuth )?Form ?Post/i, 'https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html'],
  [/^(?:OAuth )?MRT/i, 'https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html'],
];

export interface SpecLink {
  text: string;
  href: string | null;
}

/** One reference group ("RFC 6749 §4.1.2, §10.12") → one link per section. */
function linkGroup(ref: string): SpecLink[] {
  const text = ref.trim();
  const rfc = /^RFC\s?(\d{3,5})\b/i.exec(text);
  if (rfc) {
    const base = `https://www.rfc-editor.org/rfc/rfc${rfc[1]}`;
    const pieces = text.split(/\s*,\s*/);
    return pieces.map((piece) => {
      const section = /§\s*(\d+(?:\.\d+)*)/.exec(piece);
      return { text: piece, href: section ? `${base}#section-${section[1]}` : base };
    });
  }
  for (const [pattern, href] of OPENID) if (pattern.test(text)) return [{ text, href }];
  return [{ text, href: null }];
}

export function specLinks(spec: string): SpecLink[] {
  return spec
    .split(/\s*[;·]\s*/)
    .filter(Boolean)
    .flatMap(linkGroup);
}
