import { base64url } from 'jose';
import { shapeOf, type ValueShape } from './value-shape';

/**
 * Rough tests for "is this value unguessable?" used by state and nonce checks. They flag shapes
 * that carry little entropy (RFC 6749 §10.10 asks for a probability of guessing ≤ 2^-128, with
 * 2^-160 recommended); they cannot prove a value random.
 */

const MIN_RANDOM_RUN = 16;

/** A run of ≥16 token characters mixing at least two of lower case, upper case and digits. */
export function hasRandomPart(value: string): boolean {
  for (const run of value.split(/[^A-Za-z0-9_~-]+/)) {
    if (run.length < MIN_RANDOM_RUN) continue;
    const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(run)).length;
    if (classes >= 2) return true;
  }
  return false;
}

/** The text inside a base64url value, when it decodes to printable text (app state smuggled in state). */
export function decodedText(value: string): string | null {
  if (!/^[A-Za-z0-9_-]{8,}={0,2}$/.test(value)) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(value.replace(/=+$/, '')));
    return /^[\x20-\x7e]+$/.test(text) && /^[[{"]/.test(text.trim()) ? text : null;
  } catch {
    return null;
  }
}

/**
 * Why a tagged value looked guessable, from the length and character class its tag kept
 * (docs/trace-format.md "Tags"). Words, URLs and encoded app data cannot be told from a tag: those pass.
 */
function taggedWeakness(shape: ValueShape): string | null {
  if (shape.charset === 'digits' && shape.length > 0) return `it is purely numeric (${shape.length} digits)`;
  if (shape.length < MIN_RANDOM_RUN) return `it is only ${shape.length} characters long`;
  return null;
}

/** Why a value looks guessable, or null when it looks random enough. */
export function weaknessOf(value: string): string | null {
  const shape = shapeOf(value);
  if (shape.tagged) return taggedWeakness(shape);
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    const timestamp = (value.length === 10 && n > 946_684_800) || (value.length === 13 && n > 946_684_800_000);
    return timestamp ? `it looks like a Unix timestamp (${value})` : 'it is purely numeric';
  }
  if (value.length < MIN_RANDOM_RUN) return `it is only ${value.length} characters long`;
  const decoded = decodedText(value);
  if (decoded !== null && !hasRandomPart(decoded)) return `it is base64url of readable data without a random part (${decoded.slice(0, 60)})`;
  if (decoded !== null) return null;
  let plain = value;
  try {
    plain = decodeURIComponent(value);
  } catch {
    // keep the raw value
  }
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/)/i.test(plain) && !hasRandomPart(plain)) return `it is a URL or path with no random part (${plain})`;
  if (!hasRandomPart(plain)) return `it reads as words or a fixed pattern with no random part (${plain.slice(0, 60)})`;
  return null;
}
