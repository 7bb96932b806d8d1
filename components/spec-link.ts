/**
 * Links for spec references such as "RFC 6749 §10.12" or "OIDC Core §3.1.2.1". The address is
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

function linkOne(ref: string): SpecLink {
  const text = ref.trim();
  const rfc = /^RFC\s?(\d{3,5})(?:\s*§\s*([\d.]+\d|\d))?/i.exec(text);
  if (rfc) {
    const section = rfc[2] ? `#section-${rfc[2]}` : '';
    return { text, href: `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${section}` };
  }
  for (const [pattern, base] of OPENID) if (pattern.test(text)) return { text, href: base };
  return { text, href: null };
}

/** "RFC 9700 §2.1.1; RFC 7636 §4.3" → one link per reference. */
export function specLinks(spec: string): SpecLink[] {
  return spec
    .split(/\s*[;,·]\s*/)
    .filter(Boolean)
    .map(linkOne);
}
