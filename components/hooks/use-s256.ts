import { useEffect, useState } from 'preact/hooks';
import { s256 } from '../../lib/crypto/digest';

/** The PKCE S256 of a verifier (lib/crypto/digest.ts), null until computed or without WebCrypto. */
export function useS256(verifier: string | null): string | null {
  const [digest, setDigest] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDigest(null);
    if (verifier === null || !globalThis.crypto?.subtle) return;
    void s256(verifier).then((value) => {
      if (live) setDigest(value);
    });
    return () => {
      live = false;
    };
  }, [verifier]);
  return digest;
}
