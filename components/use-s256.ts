import { base64url } from 'jose';
import { useEffect, useState } from 'preact/hooks';

/** BASE64URL(SHA-256(ASCII(verifier))) — the PKCE S256 transformation (RFC 7636 §4.2). */
export function useS256(verifier: string | null): string | null {
  const [digest, setDigest] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDigest(null);
    if (verifier === null || !globalThis.crypto?.subtle) return;
    void globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then((buf) => {
      if (live) setDigest(base64url.encode(new Uint8Array(buf)));
    });
    return () => {
      live = false;
    };
  }, [verifier]);
  return digest;
}
