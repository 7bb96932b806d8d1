import { decodeJwt, decodeProtectedHeader } from 'jose';
import { looksLikeJwt } from '../jwt/decode';
import { classifyClaim, JWT_HEADER_KEEP, PII, REMOVED } from './policy';
import { boundedJson, type RedactContext } from './tags';
import { redactLoose } from './value';

/**
 * Structural redaction of a JWT (docs/trace-format.md "JWTs"). The result is a JSON object string, not a
 * compact JWT: the signature is gone and nothing re-encodes it, so it cannot be replayed.
 * `jwt` is a tag of the whole token, so the same token still matches itself elsewhere.
 * Decoding uses jose's decodeJwt / decodeProtectedHeader, which do not validate anything.
 * JWEs and undecodable tokens are opaque and tagged whole.
 */
export function redactJwt(token: string, ctx: RedactContext, label = 'jwt'): string {
  ctx.note(`jwt:${label.toLowerCase()}`);
  const whole = ctx.tag(label, token);
  if (token.split('.').length !== 3) return whole;
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    payload = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return whole;
  }
  return JSON.stringify({ jwt: whole, header: redactJwtHeader(header, ctx), payload: redactClaims(payload, ctx), sig: REMOVED });
}

function redactJwtHeader(header: Record<string, unknown>, ctx: RedactContext): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(header).map(([name, value]): [string, unknown] => {
      if (JWT_HEADER_KEEP.has(name)) return [name, keepValue(value, ctx)];
      // DPoP proofs embed the public key: keep only its RFC 7638 thumbprint, tagged (RFC 9449 §4.2).
      if (name === 'jwk' && isObject(value)) return [name, jwkTag(value, ctx)];
      return [name, REMOVED];
    }),
  );
}

function jwkTag(jwk: Record<string, unknown>, ctx: RedactContext): string {
  const thumbprint = ctx.thumbprint(jwk);
  return thumbprint === null ? REMOVED : ctx.tag('jkt', thumbprint);
}

/**
 * A claim set (JWT payload, UserInfo or introspection response): allowlisted claims stay,
 * correlation claims are tagged, everything else is personal until proven otherwise.
 */
export function redactClaims(claims: Record<string, unknown>, ctx: RedactContext): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]): [string, unknown] => {
      switch (classifyClaim(name)) {
        case 'keep':
          return [name, keepValue(value, ctx)];
        case 'tag':
          ctx.note(`jwt:${name}`);
          return [name, tagAny(name, value, ctx)];
        case 'cnf':
          ctx.note('jwt:cnf');
          return [name, redactCnf(value, ctx)];
        case 'drop':
          ctx.note(`jwt:${name}`);
          return [name, value === null ? null : PII];
      }
    }),
  );
}

/** RFC 7800 §3.1 / RFC 9449 §6.1: `cnf.jkt` is tagged; an embedded key becomes its thumbprint tag. */
function redactCnf(value: unknown, ctx: RedactContext): unknown {
  if (!isObject(value)) return tagAny('cnf', value, ctx);
  return Object.fromEntries(
    Object.entries(value).map(([name, member]): [string, unknown] => {
      if (name === 'jwk' && isObject(member)) return [name, jwkTag(member, ctx)];
      return [name, tagAny(name, member, ctx)];
    }),
  );
}

function tagAny(name: string, value: unknown, ctx: RedactContext): unknown {
  if (value === null || value === '') return value;
  return ctx.tag(name, typeof value === 'string' ? value : boundedJson(value));
}

/** Kept claims may still hold URLs with parameters (`htu`) or emails in odd places. */
function keepValue(value: unknown, ctx: RedactContext, depth = 0): unknown {
  if (typeof value === 'string') return redactLoose(value, ctx);
  if (depth > 16) return REMOVED;
  if (Array.isArray(value)) return value.map((v) => keepValue(v, ctx, depth + 1));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keepValue(v, ctx, depth + 1)]));
  return value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface RedactedJwt {
  jwt: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Read back the object string `redactJwt` wrote (for checks that look at claims, e.g. nonce). */
export function parseRedactedJwt(value: string): RedactedJwt | null {
  if (!value.startsWith('{"jwt":"⟦')) return null;
  try {
    const o: unknown = JSON.parse(value);
    if (!isObject(o) || typeof o.jwt !== 'string' || !isObject(o.header) || !isObject(o.payload)) return null;
    return { jwt: o.jwt, header: o.header, payload: o.payload };
  } catch {
    return null;
  }
}
