/**
 * Placeholders other tools leave where they removed a value before the HAR reached us (issue 17
 * point 2). A value recognised here is not the value: no check may judge it (weak, malformed) or
 * compare it (equal, different); the analysis says once per flow which values another tool
 * redacted and that checks needing them did not run (lib/checks/engine.ts).
 *
 * Formats, from each tool's source or documentation:
 * - Google's har-sanitizer (github.com/google/har-sanitizer, harsanitizer.py) and Cloudflare's
 *   har-sanitizer (github.com/cloudflare/har-sanitizer, src/lib/har_sanitize.tsx) replace a value
 *   of a listed name (state, code, code_verifier, client_id, client_secret, id_token, …) with
 *   `[<name> redacted]`; Cloudflare's also replaces every JWT signature with `redacted`.
 * - SanitizHAR (github.com/shayonj/sanitizhar) writes `[sanitized]`.
 * - Microsoft Dev Proxy's HAR generator writes `REDACTED`; people editing by hand write REDACTED,
 *   [REDACTED], <redacted>, ***, xxxx.
 * Chrome's "Export HAR (sanitized)" removes the Cookie, Set-Cookie and Authorization headers
 * instead of replacing values (chromium devtools-frontend, "Export sanitized HARs by default").
 */

export interface ForeignRedaction {
  /** Who redacted it, as the user would recognise the tool. */
  tool: string;
}

const HAR_SANITIZER = "a HAR sanitizer (Google's or Cloudflare's har-sanitizer)";

const PLACEHOLDERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\[[\w.:/-]{1,64} redacted\]$/, HAR_SANITIZER],
  [/^\[sanitized\]$/i, 'SanitizHAR'],
  [/^[[<({]?\s*(?:redacted|removed|filtered|hidden|masked|scrubbed|omitted)\s*[\]>)}]?$/i, 'hand or tool redaction ("REDACTED")'],
  [/^(?:\*{3,}|x{3,}|X{3,}|•{3,})$/, 'hand redaction (*** or xxx)'],
];

/** A compact JWT whose signature part a sanitizer replaced with the word `redacted` (Cloudflare). */
const JWT_SIGNATURE_REDACTED = /^ey[\w-]+\.ey[\w-]+\.redacted$/;

/** The tool whose placeholder the whole value is, or null. */
function placeholderTool(value: string): string | null {
  if (value.length > 200) return null;
  return PLACEHOLDERS.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}

/** The tool that left this placeholder, or null when the value is (as far as can be told) real. */
export function foreignRedaction(value: string): ForeignRedaction | null {
  if (value.endsWith('.redacted') && value.length <= 16_384 && JWT_SIGNATURE_REDACTED.test(value)) return { tool: "Cloudflare's har-sanitizer (JWT signature removed)" };
  const tool = placeholderTool(value);
  return tool === null ? null : { tool };
}

/**
 * A whole placeholder of another tool (not a JWT with only its signature removed, whose header and
 * claims are still real). It holds no value, so OAuth Lens's own redaction leaves it readable:
 * tagged, "[state redacted]" no longer read as a placeholder once the redacted trace was analysed
 * again, and the CLI's default output lost state and code from "values redacted elsewhere".
 */
export function isPlaceholderText(value: string): boolean {
  return placeholderTool(value) !== null;
}

export function isForeignPlaceholder(value: string | null | undefined): boolean {
  return typeof value === 'string' && foreignRedaction(value) !== null;
}
