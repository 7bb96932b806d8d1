import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { redactJwt } from '../../lib/redact/jwt';
import { redactBodyText } from '../../lib/redact/body';
import { run, TAG } from './support';

async function idToken(claims: Record<string, unknown>) {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1', x5u: 'https://idp/x' }).sign(privateKey);
}

describe('JWT structural redaction (docs/trace-format.md "JWTs")', () => {
  it('keeps header alg/typ/kid and allowlisted claims, tags correlation claims, drops PII and the signature', async () => {
    const jwt = await idToken({ iss: 'https://idp.example.com', aud: 'web-app', exp: 2000000000, sub: 'user-8812', nonce: 'n-777', email: 'alice@example.com', name: 'Alice A', custom_claim: 'x', at_hash: 'abc' });
    const { out } = await run((ctx) => redactJwt(jwt, ctx, 'id_token'));
    expect(out).not.toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);
    const o = JSON.parse(out) as { jwt: string; header: Record<string, unknown>; payload: Record<string, unknown>; sig: string };
    expect(o.jwt).toMatch(new RegExp(`^${TAG.source}$`));
    expect(o.header).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'k1', x5u: '⟦removed⟧' });
    expect(o.payload).toMatchObject({ iss: 'https://idp.example.com', aud: 'web-app', exp: 2000000000, email: '⟦pii⟧', name: '⟦pii⟧', custom_claim: '⟦pii⟧' });
    expect(o.payload.sub).toMatch(TAG);
    expect(o.payload.nonce).toMatch(TAG);
    expect(o.sig).toBe('⟦removed⟧');
    for (const secret of ['user-8812', 'n-777', 'alice', jwt.split('.')[2]!, jwt.split('.')[1]!]) expect(out).not.toContain(secret);
  });

  it('the ID Token nonce keeps the tag of the request nonce; sub matches sub in UserInfo', async () => {
    const jwt = await idToken({ sub: 'user-8812', nonce: 'n-777' });
    const { out } = await run((ctx) => ({
      token: JSON.parse(redactJwt(jwt, ctx)) as { payload: { sub: string; nonce: string } },
      nonce: ctx.tag('nonce', 'n-777'),
      userinfo: JSON.parse(redactBodyText('{"sub":"user-8812","email":"a@b.co"}', 'application/json', ctx, true)) as { sub: string; email: string },
    }));
    expect(out.token.payload.nonce).toBe(out.nonce);
    expect(out.token.payload.sub).toBe(out.userinfo.sub);
    expect(out.userinfo.email).toBe('⟦pii⟧');
  });

  it('a DPoP proof keeps only a thumbprint tag of its key, equal to the tag of cnf.jkt', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const jkt = await calculateJwkThumbprint(jwk);
    const proof = await new SignJWT({ htm: 'POST', htu: 'https://idp.example.com/token?x=1', jti: 'j-1', iat: 1 })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
      .sign(privateKey);
    const at = await new SignJWT({ cnf: { jkt }, sub: 's' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    const { out } = await run((ctx) => [redactJwt(proof, ctx, 'dpop'), redactJwt(at, ctx, 'access_token')]);
    const p = JSON.parse(out[0]!) as { header: { jwk: string }; payload: Record<string, unknown> };
    const a = JSON.parse(out[1]!) as { payload: { cnf: { jkt: string } } };
    expect(p.header.jwk).toMatch(/^⟦jkt:/);
    expect(p.header.jwk).toBe(a.payload.cnf.jkt);
    expect(p.payload).toMatchObject({ htm: 'POST', htu: 'https://idp.example.com/token?x=1', iat: 1 });
    expect(out[0]).not.toContain(String(jwk.x));
  });

  it('tags undecodable and encrypted tokens whole', async () => {
    const { out } = await run((ctx) => [redactJwt('eyJhbGciOiJIUzI1NiJ9.not-json.sig', ctx), redactJwt('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d', ctx)]);
    for (const o of out) expect(o).toMatch(new RegExp(`^${TAG.source}$`));
  });
});

describe('parseRedactedJwt', () => {
  it('reads back claims of a redacted token and rejects anything else', async () => {
    const { parseRedactedJwt } = await import('../../lib/redact/jwt');
    const jwt = await idToken({ sub: 'x', nonce: 'n-1' });
    const { out } = await run((ctx) => [redactJwt(jwt, ctx), ctx.tag('nonce', 'n-1')]);
    expect(parseRedactedJwt(out[0]!)?.payload.nonce).toBe(out[1]);
    expect(parseRedactedJwt(jwt)).toBeNull();
    expect(parseRedactedJwt('{"jwt":"⟦x')).toBeNull();
  });
});
