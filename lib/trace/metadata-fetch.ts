import type { MetadataResult } from './metadata-requests';

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 1024 * 1024;

/**
 * The one fetcher behind `fetchMetadataEvents`, shared by the CLI (`--fetch-metadata`) and the
 * extension's background ("Fetch issuer metadata"). It uses only the WHATWG `fetch` global, which
 * both Node and the service worker have — no browser extension API. Redirects are refused (the
 * issuer must serve its own metadata, OIDC-Disc §4), and the body is capped at 1 MB.
 */
export async function fetchMetadataDocument(url: string): Promise<MetadataResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error', headers: { accept: 'application/json' } });
    const { text, truncated } = await readCapped(response, MAX_BYTES);
    return {
      status: response.status,
      headers: [...response.headers].map(([name, value]) => ({ name, value })),
      text,
      mimeType: response.headers.get('content-type') ?? undefined,
      truncated,
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Read at most `max` bytes, then stop the download (a hostile issuer cannot stream forever). */
async function readCapped(response: Response, max: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      size = max;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), truncated };
}
