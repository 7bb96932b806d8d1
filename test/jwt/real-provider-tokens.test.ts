import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { CHECKS } from '../../lib/checks/index';
import { idTokensIn } from '../../lib/analysis/signatures';
import { decodeJwtSafe } from '../../lib/jwt/decode';
import { harToEvents, parseHar } from '../../lib/trace/har-import';

const TOKEN_CHECKS = CHECKS.filter((c) => c.section === 'token');

/** ID Tokens issued by the real provider (oidc-provider 9, recorded in test/fixtures/har). */
async function analyzeHar(name: string) {
  const har = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/har', name), 'utf8')) as unknown;
  return analyzeEvents(harToEvents(parseHar(har)), {}, TOKEN_CHECKS);
}

describe('ID Tokens from the real provider', () => {
  it.each(['spa-pkce-success.har', 'popup.har', 'scope-narrowed.har'])('%s: signature valid against the captured JWKS, no token-group finding', async (name) => {
    const { flows, context } = await analyzeHar(name);
    const tokens = flows.flatMap((f) => idTokensIn(f));
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      expect(decodeJwtSafe(t)).toMatchObject({ ok: true, kind: 'jws' });
      expect(context.derived.signature(t)).toBe('valid');
    }
    expect(flows.flatMap((f) => f.findings)).toEqual([]);
  });

  it('implicit.har: at_hash of the front-channel token is checked and matches', async () => {
    const { flows, context } = await analyzeHar('implicit.har');
    const cb = flows[0]!.callback!;
    // The check had what it needs: the access token's digest was precomputed.
    expect(context.derived.digest(cb.accessToken!, 'SHA-256')).not.toBeNull();
    const claims = decodeJwtSafe(cb.idToken);
    expect(claims.ok && claims.kind === 'jws' && typeof claims.payload.at_hash).toBe('string');
    expect(cb.accessToken).not.toBeNull();
    expect(flows[0]!.findings.filter((f) => f.check === 'at-hash-mismatch')).toEqual([]);
  });

  it('spa-two-tabs-verifier-overwritten.har: the verifier of the second tab is caught in the first flow', async () => {
    const { flows } = await analyzeHar('spa-two-tabs-verifier-overwritten.har');
    const ids = flows.map((f) => f.findings.map((x) => x.check).sort());
    expect(ids[0]).toEqual(['pkce-verifier-mismatch', 'token-request-failed']);
    expect(ids[1]).toEqual([]);
  });
});
