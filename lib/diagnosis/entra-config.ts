/**
 * Microsoft Entra's sign-in error page often states its AADSTS error only in an inline script,
 * `$Config={…,"iErrorCode":50011,"strServiceExceptionMessage":"AADSTS50011: The redirect URI …",…};`
 * (the page renders it with JavaScript), so its visible text, and the text of a HAR body with
 * scripts removed, carry no code. This reads that error out of the script: bounded, and without
 * evaluating anything — a small JSON scanner over the object literal that keeps three members of
 * its top level. Used by the live page text (lib/capture/page-text.ts) and by the analysis of a
 * captured body (lib/diagnosis/error-text.ts), so both read the same.
 *
 * Shape read from public clients of these pages (they parse the `$Config=` JSON of the error page
 * for `strServiceExceptionMessage`, `iErrorCode` and `sErrorCode`) and Microsoft's error page
 * ("AADSTS50011: The redirect URI '…' specified in the request does not match the redirect URIs
 * configured for the application", https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50011-redirect-uri-mismatch).
 */

/** At most this many characters of one `$Config` object are scanned (Entra's are tens of KB). */
export const CONFIG_SCAN_MAX_CHARS = 256 * 1024;
/** At most this many `$Config=` assignments are tried per script, and scripts per page. */
const MAX_TRIES = 8;
const MAX_SCRIPTS = 64;
/** The message kept, at most. */
const MESSAGE_MAX_CHARS = 1000;

/** `$Config` assigned as a statement: at the start of a line or after `;`, optionally `var`/`window.`. */
const ASSIGNMENT = /(?:^|[;\n\r])[ \t]*(?:(?:var|let|const)[ \t]+|window\.)?\$Config[ \t]*=[ \t]*\{/g;

/**
 * The error an Entra page's `$Config` script states, as one line ("AADSTS50011: The redirect URI
 * …"), or null when the script assigns no `$Config` with an error. `script` is the text of one
 * script element (no tags). An assignment inside a comment is not one.
 */
export function entraConfigError(script: string): string | null {
  ASSIGNMENT.lastIndex = 0;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const m = ASSIGNMENT.exec(script);
    if (!m) return null;
    const open = m.index + m[0].length - 1;
    if (inBlockComment(script, m.index)) continue;
    const fields = topLevelFields(script, open);
    const line = errorLine(fields);
    if (line) return line;
  }
  return null;
}

const SCRIPT_OPEN = /<script\b([^>]{0,2000})>/gi;
const SCRIPT_CLOSE = /<\/script/gi;

/** The same over a whole HTML page: each inline `<script>` element's text, in order (bounded). */
export function entraConfigErrorInHtml(html: string): string | null {
  if (!html.includes('$Config')) return null;
  SCRIPT_OPEN.lastIndex = 0;
  for (let n = 0; n < MAX_SCRIPTS; n++) {
    const open = SCRIPT_OPEN.exec(html);
    if (!open) return null;
    const start = open.index + open[0].length;
    SCRIPT_CLOSE.lastIndex = start;
    const close = SCRIPT_CLOSE.exec(html);
    const end = close ? close.index : html.length;
    SCRIPT_OPEN.lastIndex = end;
    if (/\ssrc\s*=/i.test(open[1] ?? '')) continue;
    const text = html.slice(start, end);
    if (!text.includes('$Config')) continue;
    const found = entraConfigError(text);
    if (found) return found;
  }
  return null;
}

/** Whether `at` lies inside a `/* … *\/` comment (the last opening before it is not closed before it). */
function inBlockComment(script: string, at: number): boolean {
  const open = script.lastIndexOf('/*', at);
  return open >= 0 && script.lastIndexOf('*/', at) < open;
}

interface Fields {
  message?: string;
  code?: string;
}

/** "AADSTS50011: …" from the fields read, or null when they hold no error. */
function errorLine(fields: Fields): string | null {
  const message = fields.message?.replace(/\s+/g, ' ').trim().slice(0, MESSAGE_MAX_CHARS) ?? '';
  const code = fields.code && /^[1-9]\d{0,8}$/.test(fields.code) ? fields.code : null;
  if (message && (code === null || /\bAADSTS\d+/.test(message))) return message;
  if (code !== null) return message ? `AADSTS${code}: ${message}` : `AADSTS${code}`;
  return null;
}

const WANTED: Readonly<Record<string, keyof Fields>> = { strServiceExceptionMessage: 'message', iErrorCode: 'code', sErrorCode: 'code' };

/**
 * Reads the object literal opening at `open` as JSON, without building it: at depth 1, the string
 * or number values of the WANTED keys. Stops at the object's end, at anything that is not JSON, or
 * after CONFIG_SCAN_MAX_CHARS.
 */
function topLevelFields(text: string, open: number): Fields {
  const fields: Fields = {};
  const limit = Math.min(text.length, open + CONFIG_SCAN_MAX_CHARS);
  let depth = 0;
  let i = open;
  /** At depth 1: the key just read, waiting for its value. */
  let key: string | null = null;
  let expectKey = false;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      expectKey = c === 0x7b && depth === 1;
      key = null;
      i++;
      continue;
    }
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      if (depth <= 0) return fields;
      i++;
      continue;
    }
    if (c === 0x2c /* , */) {
      expectKey = depth === 1;
      key = null;
      i++;
      continue;
    }
    if (c === 0x3a /* : */) {
      i++;
      continue;
    }
    if (c === 0x22 /* " */) {
      const s = readString(text, i, limit);
      if (!s) return fields;
      i = s.end;
      if (depth === 1 && expectKey) {
        key = s.value ?? null;
        expectKey = false;
      } else if (depth === 1 && key !== null) {
        const field = WANTED[key];
        if (field && s.value !== null) fields[field] = s.value;
        key = null;
      }
      continue;
    }
    // A number or a literal (true, false, null).
    const start = i;
    while (i < limit && /[-+.\w]/.test(text[i]!)) i++;
    if (i === start) return fields;
    if (depth === 1 && key !== null) {
      const field = WANTED[key];
      const token = text.slice(start, i);
      if (field && /^\d+$/.test(token)) fields[field] = token;
      key = null;
    }
  }
  return fields;
}

/**
 * The JSON string starting at the quote at `at`: its end (after the closing quote) and its value
 * (null once longer than the message bound: still skipped, never kept). Null when it never ends
 * within `limit`.
 */
function readString(text: string, at: number, limit: number): { end: number; value: string | null } | null {
  let out = '';
  let keep = true;
  let i = at + 1;
  while (i < limit) {
    const c = text[i]!;
    if (c === '"') return { end: i + 1, value: keep ? out : null };
    if (c === '\\') {
      const e = text[i + 1];
      if (e === undefined) return null;
      let decoded: string;
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
        decoded = String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        decoded = ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
        i += 2;
      }
      if (keep) out += decoded;
    } else {
      if (keep) out += c;
      i++;
    }
    if (keep && out.length > MESSAGE_MAX_CHARS * 2) {
      keep = false;
      out = '';
    }
  }
  return null;
}
