/**
 * Re-implementations, for tests, of what other tools do to a HAR before it reaches OAuth Lens
 * (issue 17 point 2). Written from each tool's documented behaviour, not copied:
 * - `cloudflareSanitize`: Cloudflare's har-sanitizer (github.com/cloudflare/har-sanitizer,
 *   src/lib/har_sanitize.tsx) with its default word list: a `word=value` in any string (URLs,
 *   bodies, cookies) and the value of a `{name: word, value}` pair become `[word redacted]`; every
 *   JWT keeps header and payload and its signature becomes `redacted`; JavaScript bodies become
 *   `[<mime> redacted]`. Google's har-sanitizer (github.com/google/har-sanitizer) uses the same
 *   `[word redacted]` placeholders.
 * - `handRedact`: a person replacing values with REDACTED before attaching the HAR to a ticket.
 */

const CLOUDFLARE_WORDS = [
  'state', 'shdf', 'usg', 'password', 'email', 'code', 'code_verifier', 'client_secret', 'client_id', 'code_challenge', 'token', 'access_token',
  'authenticity_token', 'id_token', 'appID', 'challenge', 'facetID', 'assertion', 'fcParams', 'serverData', 'Authorization', 'auth',
  'x-client-data', 'SAMLRequest', 'SAMLResponse', 'vses2',
];
const JS_MIME = new Set(['application/javascript', 'text/javascript']);
const JWT = /\b(ey[A-Za-z0-9_=-]+)\.(ey[A-Za-z0-9_=-]+)\.[A-Za-z0-9_.+/=-]+/g;

function scrubString(text: string, words: readonly string[]): string {
  let out = text.replace(JWT, '$1.$2.redacted');
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[\\s";,&?])(${escaped}=)([^&";\\s]+)`, 'g'), `$1$2[${word} redacted]`);
  }
  return out;
}

function walk(node: unknown, words: readonly string[], placeholder: (word: string) => string): unknown {
  if (typeof node === 'string') return scrubString(node, words);
  if (Array.isArray(node)) return node.map((n) => walk(n, words, placeholder));
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = walk(v, words, placeholder);
    if (typeof obj.name === 'string' && typeof obj.value === 'string' && words.includes(obj.name)) out.value = placeholder(obj.name);
    if (typeof obj.mimeType === 'string' && JS_MIME.has(obj.mimeType) && typeof obj.text === 'string') out.text = `[${obj.mimeType} redacted]`;
    return out;
  }
  return node;
}

export function cloudflareSanitize<T>(har: T): T {
  return walk(har, CLOUDFLARE_WORDS, (word) => `[${word} redacted]`) as T;
}

/** Replace the values of these names with REDACTED everywhere (query, bodies, name/value pairs). */
export function handRedact<T>(har: T, names: readonly string[]): T {
  const replaced = JSON.parse(JSON.stringify(walk(har, [], () => ''))) as T;
  const text = JSON.stringify(replaced);
  let out = text;
  for (const name of names) {
    out = out.replace(new RegExp(`([?&]${name}=)[^&"\\s]+`, 'g'), '$1REDACTED');
    out = out.replace(new RegExp(`("name":"${name}","value":")[^"]*`, 'g'), '$1REDACTED');
  }
  return JSON.parse(out) as T;
}
