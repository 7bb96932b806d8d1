import { describe, expect, it } from 'vitest';
import { charsetWithin, decodeToken, jwtClaims, shapeOf } from '../../../lib/checks/support/value-shape';
import { redactEvents } from '../../../lib/trace/outside-flows';
import { bodyParams, getParam, queryParams, responseObject } from '../../../lib/flow/params';
import { codeFlow, CHALLENGE, VERIFIER } from '../../support/events';
import { oidcCodeFlow, signIdToken } from '../../support/oidc';

describe('shapeOf', () => {
  it('reads a raw value as it is', () => {
    expect(shapeOf('1700000000123')).toEqual({ length: 13, charset: 'digits', tagged: false });
    expect(shapeOf(VERIFIER)).toEqual({ length: 43, charset: 'b64url', tagged: false });
  });

  it('reads a tag as the length and charset it kept, not as its own text', () => {
    expect(shapeOf('⟦state:eeff8009e7bd:33:b64url⟧')).toEqual({ length: 33, charset: 'b64url', tagged: true });
    expect(shapeOf('⟦state:eeff8009e7bd:6:digits⟧')).toEqual({ length: 6, charset: 'digits', tagged: true });
  });

  it('charsetWithin follows digits ⊂ hex ⊂ alnum ⊂ b64url ⊂ unreserved', () => {
    const of = (charset: string) => ({ length: 1, charset, tagged: true });
    expect(charsetWithin(of('hex'), 'b64url')).toBe(true);
    expect(charsetWithin(of('unreserved'), 'b64url')).toBe(false);
    expect(charsetWithin(of('b64'), 'unreserved')).toBe(false);
    expect(charsetWithin(of('ascii'), 'unreserved')).toBe(false);
  });
});

describe('decodeToken / jwtClaims on raw and redacted JWTs', () => {
  it('a redacted ID Token keeps header and allowlisted claims, tagged nonce, no signature', async () => {
    const events = await oidcCodeFlow();
    const idToken = events.map((e) => (e.kind === 'request' ? responseObject(e)?.id_token : undefined)).find((t) => typeof t === 'string') as string;
    const { events: redacted } = await redactEvents(events);
    const tagged = redacted.map((e) => (e.kind === 'request' ? responseObject(e)?.id_token : undefined)).find((t) => typeof t === 'string') as string;
    const raw = decodeToken(idToken);
    const read = decodeToken(tagged);
    expect(raw).toMatchObject({ ok: true, kind: 'jws', redacted: false });
    expect(read).toMatchObject({ ok: true, kind: 'jws', redacted: true, header: { alg: 'RS256' } });
    const claims = jwtClaims(tagged)!;
    expect(claims.iss).toBe(jwtClaims(idToken)!.iss);
    expect(claims.exp).toBe(jwtClaims(idToken)!.exp);
    expect(shapeOf(String(claims.nonce)).tagged).toBe(true);
  });

  it('a token tagged whole: without dots it was never a JWT; with dots its contents are unknown', () => {
    expect(decodeToken('⟦id_token:0123456789ab:40:b64url⟧')).toMatchObject({ ok: false, code: 'wrong-part-count', redacted: true });
    expect(decodeToken('⟦id_token:0123456789ab:400:unreserved⟧')).toMatchObject({ ok: true, kind: 'jwe', payload: null, redacted: true });
    expect(jwtClaims('⟦id_token:0123456789ab:400:unreserved⟧')).toBeNull();
  });

  it('raw tokens decode as before', async () => {
    expect(decodeToken('not-a-jwt')).toMatchObject({ ok: false, code: 'wrong-part-count', redacted: false });
    expect(jwtClaims(await signIdToken({ claims: { nonce: 'n-1' } }))?.nonce).toBe('n-1');
    expect(jwtClaims(null)).toBeNull();
  });
});

describe('PKCE tags keep their relation', () => {
  it('a redacted challenge still has the shape of an S256 challenge', async () => {
    const { events } = await redactEvents(codeFlow({ exchange: 'browser' }));
    const challenge = events.flatMap((e) => (e.kind === 'request' ? [getParam(queryParams(e.url), 'code_challenge')] : [])).find((c) => c !== null)!;
    const verifier = events.flatMap((e) => (e.kind === 'request' ? [getParam(bodyParams(e), 'code_verifier')] : [])).find((v) => v !== null)!;
    expect(challenge).not.toBe(CHALLENGE);
    expect(shapeOf(challenge)).toEqual({ length: 43, charset: 'b64url', tagged: true });
    expect(shapeOf(verifier)).toEqual({ length: VERIFIER.length, charset: 'b64url', tagged: true });
  });
});
