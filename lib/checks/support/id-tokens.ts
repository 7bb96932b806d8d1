import type { JWTPayload } from 'jose';
import { base64url } from 'jose';
import { hashForAlg, leftHalf } from '../../crypto/digest';
import { stringField } from '../../flow/params';
import type { Flow, TokenExchange } from '../../model/flow';
import type { CheckContext } from '../types';
import { receivedAt } from './token-requests';
import { decodeToken, type TokenDecode } from './value-shape';
import { isForeignPlaceholder } from '../../placeholders/foreign';

/** One ID Token as the browser saw it, with the values delivered beside it. */
export interface IdTokenSeen {
  token: string;
  step: number;
  source: 'callback' | 'token';
  /** Epoch ms when the response carrying it arrived: "now" for time claims (OIDC Core §3.1.3.7 items 9–10). */
  receivedAt: number;
  exchange: TokenExchange | null;
  /** Raw or redacted (`decoded.redacted`: the signature was removed on export, docs/trace-format.md "JWTs"). */
  decoded: TokenDecode;
  /** The access token delivered in the same response (for `at_hash`, OIDC-Core §3.1.3.8). */
  accessToken: string | null;
  /** The code delivered in the same response (for `c_hash`, OIDC-Core §3.3.2.11). */
  code: string | null;
  /** From the authorization response or the code exchange, not a refresh (OIDC-Core §12.2). */
  initial: boolean;
}

/** ID Tokens of the callback and of every captured token response, decoded (not validated). */
export function idTokensOf(flow: Flow): IdTokenSeen[] {
  const out: IdTokenSeen[] = [];
  const cb = flow.callback;
  if (cb?.idToken) {
    out.push({ token: cb.idToken, step: cb.step, source: 'callback', receivedAt: receivedAt(flow, cb.step), exchange: null, decoded: decodeToken(cb.idToken), accessToken: cb.accessToken, code: cb.code, initial: true });
  }
  for (const t of flow.tokens) {
    const token = stringField(t.response, 'id_token');
    if (!token) continue;
    out.push({ token, step: t.step, source: 'token', receivedAt: receivedAt(flow, t.step), exchange: t, decoded: decodeToken(token), accessToken: stringField(t.response, 'access_token'), code: null, initial: t.grantType !== 'refresh_token' });
  }
  return out;
}

/**
 * ID Tokens a check can look at. With a server-side exchange the token response is out of
 * sight: say so (docs/architecture.md "Correlating flows" step 8) and look only at what the callback carried.
 */
export function visibleIdTokens(flow: Flow, ctx: CheckContext): IdTokenSeen[] {
  if (flow.tokenExchange === 'not-observable') {
    ctx.notObservable('The token response (and any ID Token in it) went to the app server, not the browser.');
  }
  return idTokensOf(flow);
}

/** A visible ID Token with readable claims, and "now" for its time claims in epoch seconds. */
export interface TimedIdToken {
  seen: IdTokenSeen;
  claims: JWTPayload;
  /** When the response carrying it arrived (OIDC Core §3.1.3.7 items 9–10), in seconds like exp/iat/nbf. */
  now: number;
}

/** ID Tokens whose time claims can be judged (OIDC-Core §3.1.3.7 steps 9–10): claims readable, arrival known. */
export function timedIdTokens(flow: Flow, ctx: CheckContext): TimedIdToken[] {
  const out: TimedIdToken[] = [];
  for (const seen of visibleIdTokens(flow, ctx)) {
    const claims = claimsOf(seen);
    if (claims && seen.receivedAt) out.push({ seen, claims, now: seen.receivedAt / 1000 });
  }
  return out;
}

/** Claims of a decoded JWS, or null for a JWE or an undecodable token. */
export function claimsOf(seen: IdTokenSeen): JWTPayload | null {
  return seen.decoded.ok && seen.decoded.kind === 'jws' ? seen.decoded.payload : null;
}

export function headerAlg(seen: IdTokenSeen): string | null {
  return seen.decoded.ok && typeof seen.decoded.header.alg === 'string' ? seen.decoded.header.alg : null;
}

/** base64url of the left-most half of the hash of `value` (at_hash / c_hash), or null if not precomputed. */
export function leftHalfHash(ctx: CheckContext, value: string, alg: string | null): string | null {
  const hash = hashForAlg(alg);
  const bytes = hash ? ctx.analysis.derived.digest(value, hash) : null;
  return bytes ? leftHalf(bytes) : null;
}

/**
 * Does the at_hash / c_hash claim match the value delivered beside the token? Raw tokens are
 * hashed here; a redacted token answers from the relation recorded before redaction (docs/trace-format.md
 * "Derived relations"), with `computed` null because the value is gone. Null when it cannot be told.
 */
export function hashClaimMatch(ctx: CheckContext, seen: IdTokenSeen, relation: 'at_hash' | 'c_hash', claim: string, value: string): { match: boolean; computed: string | null } | null {
  if (seen.decoded.redacted) {
    const match = ctx.analysis.derived.hashMatch(relation, seen.token);
    return match === null ? null : { match, computed: null };
  }
  // The hashed value is a placeholder another tool left: nothing to compare (lib/placeholders/foreign.ts).
  if (isForeignPlaceholder(value)) return null;
  const computed = leftHalfHash(ctx, value, headerAlg(seen));
  return computed === null ? null : { match: computed === claim, computed };
}

/** "The ID Token in the token response" — at the start of a sentence; `inSentence` lowers the article. */
export function tokenWhere(seen: IdTokenSeen, inSentence = false): string {
  if (inSentence) return tokenWhere(seen).replace(/^The/, 'the');
  return seen.source === 'callback' ? 'The ID Token in the authorization response' : 'The ID Token in the token response';
}

/** Epoch seconds → ISO time, for messages. */
export function isoTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : d.toISOString();
}
