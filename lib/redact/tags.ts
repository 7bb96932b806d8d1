/**
 * Equality-preserving tags (docs/trace-format.md "Tags"). Each secret value v becomes
 * `⟦label:hex:len:charset⟧` where hex is the first 12 hex characters of HMAC-SHA256(K, v) and K is
 * a random 256-bit key made for one export and never written anywhere. The HMAC input is the value
 * alone, so equal values get byte-identical tags wherever they sit (state sent = state returned,
 * code in callback = code redeemed); the label is the name the value was first seen under and is
 * only for readability. `len` and `charset` are the value's shape, so format checks can still run.
 *
 * Redaction runs twice over the same input: a collecting pass records every value that needs a
 * tag (and every JWK that needs a thumbprint), the async WebCrypto work is done in one batch, then
 * a resolving pass builds the output synchronously. Both passes call the same pure redactors.
 */

export const TAG_HEX_LENGTH = 12;

export type Charset = 'digits' | 'hex' | 'alnum' | 'b64url' | 'unreserved' | 'b64' | 'ascii' | 'other';

/** Tags are built from these characters only: readable, and safe inside a query, fragment or cookie. */
export const TAG_PATTERN = /⟦([a-z0-9_]{1,24}):([0-9a-f]{8,64}):(\d+):([a-z0-9]+)⟧/;
const TAG_EXACT = new RegExp(`^${TAG_PATTERN.source}$`);

export interface ParsedTag {
  label: string;
  digest: string;
  length: number;
  charset: Charset | string;
}

/** Parse a tag, e.g. for a check that wants the original length of a redacted code_verifier. */
export function parseTag(value: string): ParsedTag | null {
  const m = TAG_EXACT.exec(value);
  if (!m) return null;
  return { label: m[1]!, digest: m[2]!, length: Number(m[3]), charset: m[4]! };
}

export function isTag(value: string): boolean {
  return TAG_EXACT.test(value);
}

/** Narrowest class that holds every character (RFC 7636 §4.1 "unreserved" for PKCE values). */
export function charsetOf(value: string): Charset {
  const classes: Array<[Charset, RegExp]> = [
    ['digits', /^[0-9]*$/],
    ['hex', /^[0-9a-f]*$/i],
    ['alnum', /^[0-9A-Za-z]*$/],
    ['b64url', /^[0-9A-Za-z_-]*$/],
    ['unreserved', /^[0-9A-Za-z._~-]*$/],
    ['b64', /^[0-9A-Za-z+/]*=*$/],
    ['ascii', /^[\x20-\x7e]*$/],
  ];
  for (const [name, re] of classes) if (re.test(value)) return name;
  return 'other';
}

export function labelOf(name: string): string {
  const label = name.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 24);
  return label || 'value';
}

/** What the pure redactors need: a tag per value, a JWK thumbprint, and a note of what was redacted. */
export interface RedactContext {
  tag(label: string, value: string): string;
  /** RFC 7638 thumbprint (base64url) of a public JWK, or null while collecting. */
  thumbprint(jwk: Record<string, unknown>): string | null;
  /** Record a redacted field for the manifest, e.g. `query:state` (docs/trace-format.md "Redaction manifest"). */
  note(field: string): void;
}

/** First pass: remember values (with the first label seen) and JWKs; outputs are placeholders. */
export class CollectingContext implements RedactContext {
  readonly labels = new Map<string, string>();
  readonly jwks: Array<Record<string, unknown>> = [];
  readonly fields = new Set<string>();

  tag(label: string, value: string): string {
    if (isTag(value)) return value;
    if (!this.labels.has(value)) this.labels.set(value, labelOf(label));
    return `⟦${labelOf(label)}:${'0'.repeat(TAG_HEX_LENGTH)}:0:digits⟧`;
  }

  thumbprint(jwk: Record<string, unknown>): string | null {
    this.jwks.push(jwk);
    return null;
  }

  note(field: string): void {
    this.fields.add(field);
  }
}

/** Second pass: every value was seen while collecting, so tags are ready and synchronous. */
export class ResolvedContext implements RedactContext {
  readonly fields = new Set<string>();

  constructor(
    private readonly tags: ReadonlyMap<string, string>,
    private readonly thumbprints: ReadonlyMap<string, string>,
  ) {}

  tag(_label: string, value: string): string {
    if (isTag(value)) return value;
    const tag = this.tags.get(value);
    // A value the collecting pass did not see means the two passes diverged: fail closed.
    if (tag === undefined) throw new Error('redaction passes diverged: a value was not collected');
    return tag;
  }

  thumbprint(jwk: Record<string, unknown>): string | null {
    return this.thumbprints.get(jwkKey(jwk)) ?? null;
  }

  note(field: string): void {
    this.fields.add(field);
  }
}

export function jwkKey(jwk: Record<string, unknown>): string {
  return boundedJson(Object.entries(jwk).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * JSON.stringify for captured values of any depth: parts nested deeper than `maxDepth` are
 * written as ⟦removed⟧, so a 10k-level body cannot overflow the stack. Equal values give equal text.
 */
export function boundedJson(value: unknown, maxDepth = 64): string {
  const cut = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (depth >= maxDepth) return '⟦removed⟧';
    if (Array.isArray(v)) return v.map((x) => cut(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cut(x, depth + 1)]));
  };
  return JSON.stringify(cut(value, 0)) ?? 'undefined';
}

/** A fresh random 256-bit key (docs/trace-format.md "Tags"). Callers must not persist it. */
export function randomKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

/** HMAC-SHA256 every collected value under K and build its tag. */
export async function computeTags(
  labels: ReadonlyMap<string, string>,
  key: Uint8Array,
  hexLength = TAG_HEX_LENGTH,
): Promise<Map<string, string>> {
  const subtle = globalThis.crypto.subtle;
  const raw = new Uint8Array(key);
  const k = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  const out = new Map<string, string>();
  for (const [value, label] of labels) {
    const mac = new Uint8Array(await subtle.sign('HMAC', k, encoder.encode(value)));
    const hex = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, hexLength);
    out.set(value, `⟦${label}:${hex}:${value.length}:${charsetOf(value)}⟧`);
  }
  return out;
}
