import { EvidenceDiff } from './EvidenceDiff';
import { useS256 } from './hooks/use-s256';

export interface PkceViewProps {
  verifier: string | null;
  challenge: string | null;
  method: string | null;
}

/** The verifier ↔ challenge relation: what the token request proves about the authorize request. */
export function PkceView({ verifier, challenge, method }: PkceViewProps) {
  const digest = useS256(verifier);
  if (verifier === null && challenge === null) return null;
  const m = method ?? (challenge ? 'plain (no method sent)' : null);
  const expected = m === 'S256' ? digest : verifier;
  let verdict: { text: string; cls: string } | null = null;
  if (verifier !== null && challenge !== null && expected !== null) {
    verdict = expected === challenge ? { text: 'verifier matches the challenge', cls: 'ol-ok' } : { text: 'verifier does not match the challenge', cls: 'ol-sev-error' };
  } else if (verifier !== null && challenge === null) {
    verdict = { text: 'no code_challenge was seen in the authorization request', cls: 'ol-sev-warning' };
  } else if (verifier === null) {
    verdict = { text: 'code_verifier not seen (redeemed elsewhere or not yet)', cls: 'ol-dim' };
  }
  return (
    <section class="ol-section">
      <h4 class="ol-section-title">PKCE (RFC 7636 §4)</h4>
      <table class="ol-kv">
        <tbody>
          <tr><th scope="row">method</th><td class="ol-mono">{m ?? '—'}</td></tr>
          <tr><th scope="row">code_challenge</th><td class="ol-mono ol-value">{challenge ?? '—'}</td></tr>
          <tr><th scope="row">code_verifier</th><td class="ol-mono ol-value">{verifier ?? '—'}</td></tr>
          {m === 'S256' && verifier !== null ? (
            <tr><th scope="row">S256(verifier)</th><td class="ol-mono ol-value">{digest ?? 'computing…'}</td></tr>
          ) : null}
          {verdict ? (
            <tr><th scope="row">result</th><td class={verdict.cls}>{verdict.text}</td></tr>
          ) : null}
        </tbody>
      </table>
      {verdict?.cls === 'ol-sev-error' && expected !== null && challenge !== null ? <EvidenceDiff expected={challenge} actual={expected} /> : null}
    </section>
  );
}
