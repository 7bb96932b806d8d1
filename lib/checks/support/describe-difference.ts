/**
 * Name the difference between two strings that should be equal, in the words a developer uses
 * when fixing a redirect URI: "trailing slash", "http vs https", "port 3000 vs 3001", "path /cb
 * vs /callback", "%2F encoding". Pure; used wherever a check compares two URLs or values.
 */
export type DifferenceAspect = 'scheme' | 'host' | 'port' | 'path' | 'query' | 'fragment' | 'encoding' | 'case' | 'whitespace' | 'text';

export interface Difference {
  aspect: DifferenceAspect;
  /** A short human description, `actual` side first: e.g. "port 3001 vs 3000". */
  text: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function parse(value: string): URL | null {
  try {
    const u = new URL(value);
    return /^[a-z][a-z0-9+.-]*:$/i.test(u.protocol) ? u : null;
  } catch {
    return null;
  }
}

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function portOf(u: URL): string {
  return u.port || DEFAULT_PORTS[u.protocol] || '(none)';
}

/** How two paths differ: trailing slash, case, percent-encoding, or simply another path. */
function pathDifference(actual: string, expected: string): Difference {
  if (actual.replace(/\/+$/, '') === expected.replace(/\/+$/, '')) {
    const which = actual.endsWith('/') ? 'has' : 'lacks';
    return { aspect: 'path', text: `trailing slash (${which} one: ${actual} vs ${expected})` };
  }
  if (actual.toLowerCase() === expected.toLowerCase()) return { aspect: 'case', text: `path case ${actual} vs ${expected}` };
  const encoding = encodingDifference(actual, expected, 'path');
  if (encoding) return encoding;
  return { aspect: 'path', text: `path ${actual} vs ${expected}` };
}

/** Percent-encoding: the same text once decoded (e.g. `%2F` vs `/`), or encoded one time too many. */
function encodingDifference(actual: string, expected: string, part: 'value' | 'path'): Difference | null {
  const a = decodeOnce(actual);
  const e = decodeOnce(expected);
  const escape = /%[0-9a-f]{2}/i.exec(actual) ?? /%[0-9a-f]{2}/i.exec(expected);
  const named = escape ? `${escape[0].toUpperCase()} encoding` : 'percent-encoding';
  if (part === 'value' && a === expected) return { aspect: 'encoding', text: `percent-encoded once more (${actual} vs ${expected})` };
  if (part === 'value' && e === actual) return { aspect: 'encoding', text: `percent-encoded once less (${actual} vs ${expected})` };
  if (a === expected || e === actual || (a !== null && a === e)) return { aspect: 'encoding', text: `${named} (${actual} vs ${expected})` };
  return null;
}

function rawAuthority(value: string): { host: string; port: string } {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(value)?.[1] ?? '';
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  return { host: m?.[1] ?? authority, port: m?.[2] ?? '' };
}

function urlDifferences(a: URL, e: URL, actual: string, expected: string): Difference[] {
  const out: Difference[] = [];
  if (a.protocol !== e.protocol) out.push({ aspect: 'scheme', text: `${a.protocol.slice(0, -1)} vs ${e.protocol.slice(0, -1)}` });
  const ra = rawAuthority(actual);
  const re = rawAuthority(expected);
  if (a.hostname !== e.hostname) out.push({ aspect: 'host', text: `host ${a.hostname} vs ${e.hostname}` });
  else if (ra.host !== re.host && ra.host.toLowerCase() === re.host.toLowerCase()) {
    // URL lower-cases hosts; the raw strings still differ (byte comparison, RFC 6749 §4.1.3).
    out.push({ aspect: 'case', text: `host case ${ra.host} vs ${re.host}` });
  }
  // A scheme change implies its default port; name the port only when one was written.
  const portsImplied = a.protocol !== e.protocol && !a.port && !e.port;
  if (!portsImplied && portOf(a) !== portOf(e)) out.push({ aspect: 'port', text: `port ${portOf(a)} vs ${portOf(e)}` });
  else if (!portsImplied && ra.port !== re.port) out.push({ aspect: 'port', text: `default port written out (${ra.port || 'none'} vs ${re.port || 'none'})` });
  if (a.pathname !== e.pathname) out.push(pathDifference(a.pathname, e.pathname));
  if (a.search !== e.search) out.push({ aspect: 'query', text: `query ${a.search || '(none)'} vs ${e.search || '(none)'}` });
  if (a.hash !== e.hash) out.push({ aspect: 'fragment', text: `fragment ${a.hash || '(none)'} vs ${e.hash || '(none)'}` });
  return out;
}

/** Every way `actual` differs from `expected`; empty when they are byte-identical. */
export function describeDifferences(actual: string, expected: string): Difference[] {
  if (actual === expected) return [];
  if (actual.trim() === expected.trim()) return [{ aspect: 'whitespace', text: 'leading or trailing whitespace' }];
  const a = parse(actual);
  const e = parse(expected);
  if (a && e) {
    const found = urlDifferences(a, e, actual, expected);
    if (found.length) return found;
  }
  const encoding = encodingDifference(actual, expected, 'value');
  if (encoding) return [encoding];
  if (actual.toLowerCase() === expected.toLowerCase()) return [{ aspect: 'case', text: `letter case ${actual} vs ${expected}` }];
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  return [{ aspect: 'text', text: `differs from character ${i + 1} ("${actual.slice(i, i + 12)}" vs "${expected.slice(i, i + 12)}")` }];
}

/** One line naming all differences, or null when the values are identical. */
export function describeDifference(actual: string, expected: string): string | null {
  const found = describeDifferences(actual, expected);
  return found.length ? found.map((d) => d.text).join('; ') : null;
}
