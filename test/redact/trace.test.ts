import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { hashMatchFromDerived, pkceMatchFromDerived } from '../../lib/redact/derived';
import { redactEvents, redactTrace } from '../../lib/trace/outside-flows';
import { toHar } from '../../lib/trace/har-export';
import { toMarkdown } from '../../lib/trace/markdown';
import { decodeShareFragment, encodeShareFragment } from '../../lib/trace/share-link';
import { makeTrace } from '../../lib/trace/trace-v1';
import { codeFlow, hop, AS, CHALLENGE, VERIFIER } from '../support/events';
import { leakForms, plantedFlow, type Planted } from './planted';

const secret = (prefix: string) => fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/).map((s) => `${prefix}${s}`);
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{3,12}$/), fc.stringMatching(/^[a-z]{3,10}$/)).map(([u, d]) => `${u}@${d}.example`);
const planted: fc.Arbitrary<Planted> = fc.record({
  code: secret('Cd'),
  state: secret('St'),
  nonce: secret('Nc'),
  verifier: secret('Vf'),
  accessToken: secret('At'),
  refreshToken: secret('Rt'),
  clientSecret: secret('Cs'),
  password: secret('Pw'),
  cookie: secret('Ck'),
  email,
  sub: secret('Sb'),
});

describe('redactTrace: planted secrets never survive any export path', () => {
  it('trace, HAR, Markdown and share link hold none of the planted values', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const { events, idToken } = await plantedFlow(p);
        const redacted = await redactTrace(makeTrace(events));
        const { report } = await analyzeEvents(redacted.events);
        const outputs = {
          trace: JSON.stringify(redacted),
          har: JSON.stringify(toHar(redacted.events, { redacted: true })),
          markdown: toMarkdown(report),
          share: JSON.stringify(decodeShareFragment(encodeShareFragment(redacted, { maxFragmentChars: 1 << 20 }), { maxFragmentChars: 1 << 20 })),
        };
        for (const [where, text] of Object.entries(outputs)) {
          for (const leak of leakForms(p, idToken)) expect(text.includes(leak), `${leak} in ${where}`).toBe(false);
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('the same value gets the same tag within one export and different tags across exports', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const { events } = await plantedFlow(p);
        const one = await redactEvents(events);
        const two = await redactEvents(events);
        const stateTags = (r: typeof one) => [...JSON.stringify(r.events).matchAll(/state=(⟦state:[^⟧]+⟧)/g)].map((m) => m[1]);
        const tags = stateTags(one);
        expect(tags.length).toBeGreaterThanOrEqual(2); // sent in authorize, returned in the callback
        expect(new Set(tags).size).toBe(1);
        expect(new Set(stateTags(two)).size).toBe(1);
        expect(stateTags(two)[0]).not.toBe(tags[0]);
      }),
      { numRuns: 10 },
    );
  });
});

describe('derived relations are recorded before values go (docs/trace-format.md "Derived relations")', () => {
  it('pkce_s256: true for the RFC 7636 example pair, false for a wrong verifier', async () => {
    const good = await redactEvents(codeFlow({ exchange: 'browser' }));
    const bad = await redactEvents(codeFlow({ exchange: 'browser', tokenForm: { code_verifier: `${VERIFIER}x` } }));
    const find = (r: typeof good) => r.manifest.derived.find((d) => d.relation === 'pkce_s256')!;
    expect(find(good)).toMatchObject({ challenge_seen: true });
    expect(find(bad)).toMatchObject({ challenge_seen: false });
    // The S256 tag equals the challenge's tag in the redacted authorize URL.
    const challengeTag = /code_challenge=(⟦[^⟧]+⟧)/.exec(JSON.stringify(good.events))![1]!;
    expect(pkceMatchFromDerived(good.manifest.derived, String(find(good).code_verifier), challengeTag)).toBe(true);
    expect(JSON.stringify(good)).not.toContain(CHALLENGE);
  });

  it('at_hash: computed from the raw ID Token and access token, then only tags remain', async () => {
    const { SignJWT, base64url } = await import('jose');
    const at = 'access-token-for-at-hash';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(at)));
    const atHash = base64url.encode(digest.slice(0, 16));
    const key = new TextEncoder().encode('k'.repeat(32));
    const idt = (h: string) => new SignJWT({ sub: 's', at_hash: h }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    for (const [hash, expected] of [[atHash, true], ['wrong-hash', false]] as const) {
      const token = await idt(hash);
      const events = [hop({ url: `${AS}/token`, method: 'POST', form: { grant_type: 'refresh_token', refresh_token: 'r' }, responseJson: { access_token: at, id_token: token } })];
      const r = await redactEvents(events);
      const rec = r.manifest.derived.find((d) => d.relation === 'at_hash')!;
      expect(rec.match).toBe(expected);
      expect(hashMatchFromDerived(r.manifest.derived, 'at_hash', String(rec.id_token))).toBe(expected);
      expect(JSON.stringify(r)).not.toContain(at);
    }
  });

  it('re-redacting a redacted trace changes nothing and keeps the earlier derived results', async () => {
    const once = await redactTrace(makeTrace(codeFlow({ exchange: 'browser' })));
    const twice = await redactTrace(once);
    expect(twice.events).toEqual(once.events);
    expect(twice.redaction.derived).toEqual(once.redaction.derived);
  });
});

describe('a redacted trace analyzed again keeps equality findings', () => {
  const reanalyze = async (events: Parameters<typeof analyzeEvents>[0]) => {
    const before = (await analyzeEvents(events)).report;
    const after = (await analyzeEvents((await redactEvents(events)).events)).report;
    const checks = (r: typeof before) => r.flows.flatMap((f) => f.findings.map((x) => x.check));
    return { before: checks(before), after: checks(after), flowsBefore: before.flows.length, flowsAfter: after.flows.length };
  };

  it('state-mismatch still fires, and a clean flow stays without it', async () => {
    const r = await reanalyze(codeFlow({ callbackParams: { state: 'forged-state-value-123' } }));
    expect(r.before).toContain('state-mismatch');
    expect(r.after).toContain('state-mismatch');
    expect((await reanalyze(codeFlow())).after).not.toContain('state-mismatch');
  });

  it('code-reused still fires when the same code is redeemed twice', async () => {
    const events = codeFlow({ exchange: 'browser' });
    const token = events[events.length - 1]!;
    if (token.kind !== 'request') throw new Error('expected the token request last');
    events.push({ ...token, id: 'again', requestId: 'again', startTime: token.startTime + 500, endTime: token.startTime + 520, status: 400, responseBody: { text: '{"error":"invalid_grant"}', mimeType: 'application/json', truncated: false, source: 'devtools' } });
    const r = await reanalyze(events);
    expect(r.before).toContain('code-reused');
    expect(r.after).toContain('code-reused');
    expect(r.flowsAfter).toBe(r.flowsBefore);
  });
});
