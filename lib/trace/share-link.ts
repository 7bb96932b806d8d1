import { deflateSync, Inflate } from 'fflate';
import { base64url } from 'jose';
import { OAuthLensError } from '../errors';
import type { TraceV1 } from '../model/trace';
import { parseTrace } from './trace-v1';

/**
 * Share links carry a redacted trace in the URL fragment, `#trace=<base64url(deflate(json))>`.
 * Browsers never send a fragment to a server (RFC 3986 §3.5), so the trace stays between the
 * people holding the link. Links are bounded; past the bound the answer is "share the file".
 */
export const SHARE_PARAM = 'trace';
/** Chrome accepts far longer URLs, but chat tools and ticket systems cut them well before 64 KB. */
export const MAX_FRAGMENT_CHARS = 32 * 1024;
/** A decompression bomb stops here: real traces that fit in 32 KB compressed inflate to far less. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export interface ShareOptions {
  maxFragmentChars?: number;
}

/** `#trace=…` for a redacted trace. Unredacted traces are refused: links get pasted everywhere. */
export function encodeShareFragment(trace: TraceV1, options: ShareOptions = {}): string {
  if (!trace.redaction.redacted) {
    throw new OAuthLensError('bad-input', 'only a redacted trace can be shared as a link; redact it first');
  }
  const max = options.maxFragmentChars ?? MAX_FRAGMENT_CHARS;
  const packed = base64url.encode(deflateSync(new TextEncoder().encode(JSON.stringify(trace)), { level: 9 }));
  const fragment = `#${SHARE_PARAM}=${packed}`;
  if (fragment.length > max) {
    throw new OAuthLensError(
      'too-large',
      `this trace is too big for a link (${kb(fragment.length)} KB compressed, the limit is ${kb(max)} KB); share the file instead`,
    );
  }
  return fragment;
}

/** A viewer URL with the trace in its fragment. */
export function shareUrl(viewerUrl: string, trace: TraceV1, options: ShareOptions = {}): string {
  const hash = viewerUrl.indexOf('#');
  return `${hash < 0 ? viewerUrl : viewerUrl.slice(0, hash)}${encodeShareFragment(trace, options)}`;
}

/** Read a trace back from a URL or fragment. Every failure is one OAuthLensError line. */
export function decodeShareFragment(urlOrFragment: string, options: ShareOptions = {}): TraceV1 {
  const max = options.maxFragmentChars ?? MAX_FRAGMENT_CHARS;
  const hash = urlOrFragment.indexOf('#');
  const fragment = hash < 0 ? urlOrFragment : urlOrFragment.slice(hash + 1);
  if (fragment.length > max + 1) throw new OAuthLensError('too-large', `the shared link is too long (${kb(fragment.length)} KB, the limit is ${kb(max)} KB)`);
  const packed = new URLSearchParams(fragment).get(SHARE_PARAM);
  if (!packed) throw new OAuthLensError('bad-input', `the link has no shared trace (expected #${SHARE_PARAM}=…)`);
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(packed);
  } catch {
    throw new OAuthLensError('bad-input', 'the shared link is damaged (not base64url); ask for the file instead');
  }
  const text = inflateBounded(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OAuthLensError('bad-input', 'the shared link does not hold JSON; ask for the file instead');
  }
  return parseTrace(value);
}

class TooBig extends Error {}

function inflateBounded(bytes: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new TooBig();
    chunks.push(chunk);
  });
  try {
    // Small input slices bound how much one push can inflate before the limit is checked.
    for (let i = 0; i < bytes.length; i += 1024) inflater.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
    if (bytes.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof TooBig) throw new OAuthLensError('too-large', `the shared trace inflates past ${MAX_INFLATED_BYTES / 1048576} MB; refused`);
    throw new OAuthLensError('bad-input', 'the shared link is damaged (not compressed data); ask for the file instead');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch {
    throw new OAuthLensError('bad-input', 'the shared link does not hold text; ask for the file instead');
  }
}

function kb(chars: number): string {
  return (chars / 1024).toFixed(1).replace(/\.0$/, '');
}
