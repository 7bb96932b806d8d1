/**
 * `WWW-Authenticate` challenges (RFC 9110 §11.6.1), e.g.
 * `Bearer realm="api", error="invalid_token", error_description="The access token expired"`
 * (RFC 6750 §3) or `DPoP algs="ES256", error="use_dpop_nonce"` (RFC 9449 §7.1, §9).
 * Parsing never throws; a header that doesn't parse yields fewer challenges.
 */
export interface Challenge {
  /** Auth scheme as written, e.g. "Bearer", "DPoP". */
  scheme: string;
  /** auth-params with lower-cased names and unquoted values. */
  params: Record<string, string>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
// One element: a token, optionally followed by `= value` (quoted-string or token / token68).
const ELEMENT = `\\s*,?\\s*(${TOKEN})(?:\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^\\s,]*))?`;

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let current: Challenge | null = null;
  const re = new RegExp(ELEMENT, 'y');
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const name = m[1]!;
    const value = m[2];
    // A token followed by another token (not `=`) starts a new challenge.
    if (value === undefined) {
      current = { scheme: name, params: {} };
      challenges.push(current);
    } else if (current) {
      current.params[name.toLowerCase()] = unquote(value);
    }
    if (re.lastIndex >= header.length) break;
  }
  return challenges;
}

/** Every challenge of every `WWW-Authenticate` header value. */
export function challengesOf(values: readonly string[]): Challenge[] {
  return values.flatMap(parseWwwAuthenticate);
}
